import { Controller, Get, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles, type AuthenticatedRequest, type Principal } from '@registry/auth';
import { MeResponse } from './me.response';

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('v1/me')
export class MeController {
  /** Lets a client check which organisation and roles its key stands for. */
  @Get()
  @ApiOperation({ summary: 'The organisation and roles behind the presented key' })
  @Roles('admin', 'provider', 'applicant', 'auditor', 'certifier', 'verifier')
  @ApiOkResponse({ type: MeResponse, description: 'who the presented key belongs to' })
  me(@Req() request: AuthenticatedRequest): Principal {
    return request.principal as Principal;
  }
}
