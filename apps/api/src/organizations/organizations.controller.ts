import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IssueApiKeyUseCase, Roles } from '@registry/auth';
import { CreateOrganizationUseCase, GetOrganizationUseCase } from '@registry/ledger';
import { ApiKeyCreatedDto, CreateApiKeyDto, CreateOrganizationDto, OrganizationDto } from './organization.dto';

@ApiTags('organizations')
@ApiBearerAuth()
@Roles('admin')
@Controller('v1/organizations')
export class OrganizationsController {
  constructor(
    private readonly createOrganization: CreateOrganizationUseCase,
    private readonly getOrganization: GetOrganizationUseCase,
    private readonly issueApiKey: IssueApiKeyUseCase,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: OrganizationDto })
  create(@Body() body: CreateOrganizationDto): Promise<OrganizationDto> {
    return this.createOrganization.execute(body);
  }

  @Get(':id')
  @ApiOkResponse({ type: OrganizationDto })
  get(@Param('id') id: string): Promise<OrganizationDto> {
    return this.getOrganization.execute(id);
  }

  @Post(':id/api-keys')
  @HttpCode(201)
  @ApiCreatedResponse({ type: ApiKeyCreatedDto })
  createKey(@Param('id') id: string, @Body() body: CreateApiKeyDto): Promise<ApiKeyCreatedDto> {
    return this.issueApiKey.execute(id, body.label);
  }
}
