import { Controller, Delete, HttpCode, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RevokeApiKeyUseCase, Roles, type Principal } from '@registry/auth';
import { CurrentPrincipal } from '../http/current-principal';

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('v1/api-keys')
export class ApiKeysController {
  constructor(private readonly revokeApiKey: RevokeApiKeyUseCase) {}

  /** The admin, or a key of the key's own organisation (a key may revoke itself); another organisation's key is NOT_FOUND. */
  @Delete(':id')
  @ApiOperation({ summary: 'Revoke an API key' })
  @HttpCode(204)
  @Roles('admin', 'provider', 'applicant', 'auditor', 'certifier', 'verifier')
  @ApiNoContentResponse({ description: 'no content: the key is revoked, every process refuses the key (401) from now on' })
  revoke(@Param('id') id: string, @CurrentPrincipal() actor: Principal): Promise<void> {
    return this.revokeApiKey.execute({ apiKeyId: id, actor });
  }
}
