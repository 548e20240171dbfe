import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ActorDto, CitationDto } from '../../common/http/dto/shared-response.dto.js';

/** One thing that happened to a case, as an auditor reads it. */
export class TimelineEntryDto {
  @ApiProperty({ type: 'integer', description: 'The Temporal history event id' }) eventId!: number;
  @ApiProperty({ format: 'date-time' }) time!: string;
  @ApiProperty({ example: 'update:decide' }) action!: string;
  @ApiPropertyOptional({ type: ActorDto }) actor?: ActorDto;
  @ApiPropertyOptional() decision?: string;
  @ApiPropertyOptional() reason?: string;
  @ApiPropertyOptional({ type: CitationDto }) citation?: CitationDto;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) details?: Record<string, unknown>;
}

export class HistoryTimelineDto {
  @ApiProperty() caseId!: string;
  @ApiProperty({ type: [TimelineEntryDto] }) entries!: TimelineEntryDto[];
}

/** Temporal's own JSON of the history (`?format=raw`), as `temporal workflow show --output json` prints it. */
export class RawHistoryDto {
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } })
  events!: Array<Record<string, unknown>>;
}
