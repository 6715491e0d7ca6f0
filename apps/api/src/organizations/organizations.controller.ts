import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IssueApiKeyUseCase, ListApiKeysUseCase, Roles, type Principal } from '@registry/auth';
import { CreateOrganizationUseCase, GetOrganizationUseCase } from '@registry/ledger';
import type { Request } from 'express';
import { CurrentPrincipal } from '../http/current-principal';
import { idempotencyOf } from '../http/idempotency';
import { OnlyQueryParameters } from '../http/query-parameters';
import { ApiKeyCreatedDto, ApiKeyListDto, CreateApiKeyDto, CreateOrganizationDto, OrganizationDto } from './organization.dto';

@ApiTags('organizations')
@ApiBearerAuth()
@Roles('admin')
@Controller('v1/organizations')
export class OrganizationsController {
  constructor(
    private readonly createOrganization: CreateOrganizationUseCase,
    private readonly getOrganization: GetOrganizationUseCase,
    private readonly issueApiKey: IssueApiKeyUseCase,
    private readonly listApiKeys: ListApiKeysUseCase,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: OrganizationDto })
  create(@Body() body: CreateOrganizationDto, @CurrentPrincipal() actor: Principal, @Req() req: Request): Promise<OrganizationDto> {
    return this.createOrganization.execute({ ...body, actor, idempotency: idempotencyOf(req) });
  }

  @Get(':id')
  @ApiOkResponse({ type: OrganizationDto })
  get(@Param('id') id: string): Promise<OrganizationDto> {
    return this.getOrganization.execute(id);
  }

  /** Not idempotent on purpose: a replay would have to keep the plaintext key. */
  @Post(':id/api-keys')
  @HttpCode(201)
  @ApiCreatedResponse({ type: ApiKeyCreatedDto })
  createKey(@Param('id') id: string, @Body() body: CreateApiKeyDto): Promise<ApiKeyCreatedDto> {
    return this.issueApiKey.execute({ organizationId: id, label: body.label, expiresAt: body.expiresAt });
  }

  /** The admin, or a key of this organisation; another organisation's list is NOT_FOUND. */
  @Get(':id/api-keys')
  @Roles('admin', 'provider', 'applicant', 'auditor', 'certifier', 'verifier')
  @OnlyQueryParameters()
  @ApiOkResponse({ type: ApiKeyListDto })
  listKeys(@Param('id') id: string, @CurrentPrincipal() actor: Principal): Promise<ApiKeyListDto> {
    return this.listApiKeys.execute({ organizationId: id, actor });
  }
}
