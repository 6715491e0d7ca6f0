import { Body, Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles, type Principal } from '@registry/auth';
import { AuthorizeProviderUseCase, RevokeProviderUseCase } from '@registry/ledger';
import { CurrentPrincipal } from '../http/current-principal';
import { AuthorizeProviderDto } from './claims.dto';
import { ClaimProviderResponse } from './claims.response';

/** The offset providers an applicant lets retire credits for its claim. */
@ApiTags('claims')
@ApiBearerAuth()
@Roles('applicant')
@Controller('v1/claims/:id/providers')
export class ClaimProvidersController {
  constructor(
    private readonly authorizeProvider: AuthorizeProviderUseCase,
    private readonly revokeProvider: RevokeProviderUseCase,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Authorise an offset provider on a claim' })
  @HttpCode(201)
  @ApiCreatedResponse({ type: ClaimProviderResponse, description: 'the provider may now retire credits for this claim' })
  authorize(@Param('id') id: string, @Body() body: AuthorizeProviderDto, @CurrentPrincipal() principal: Principal) {
    return this.authorizeProvider.execute(principal, id, body.providerId);
  }

  @Delete(':providerId')
  @ApiOperation({ summary: "Withdraw a provider's authorisation" })
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'no content: the provider may no longer retire for this claim (journaled); its earlier retirements stay' })
  async revoke(@Param('id') id: string, @Param('providerId') providerId: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    await this.revokeProvider.execute({ actor: principal, claimId: id, providerId });
  }
}
