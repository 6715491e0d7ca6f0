import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { IsDisplayText } from '../http/is-display-text';

/**
 * CN tables 3 and 5 (埋め合わせ), CFP art. 14 ⑤: the project behind credits in words, which the
 * serial does not carry (it has codes only). Matched to the credits by `project` (the code the
 * register shows, e.g. a J-Credit certification number).
 */
export class CreditProjectDto {
  @ApiProperty({ example: 'R012', description: 'the project code as the register shows it (e.g. J-Credit certification number)' })
  @IsString() @IsDisplayText() @Length(1, 100) project: string;
  @ApiProperty({ example: '〇〇町森林管理プロジェクト' }) @IsString() @IsDisplayText() @Length(1, 300) name: string;
  @ApiProperty({ example: '日本・高知県', description: 'country and region of the project' }) @IsString() @IsDisplayText() @Length(1, 200) region: string;
  @ApiProperty({ example: '森林管理', description: 'project type in words (風力発電, 木質バイオマス燃料転換, 森林管理...)' })
  @IsString() @IsDisplayText() @Length(1, 200) projectType: string;
}
