import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EnumField } from '../../common/http/dto/fields.js';
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

/** Where an archived history sits in the audit archive, and whether it still matches its hashes. */
export class ArchiveMarkDto {
  @ApiProperty({ type: 'integer' }) seq!: number;
  @ApiProperty() runId!: string;
  @ApiProperty({ format: 'date-time' }) archivedAt!: string;
  @ApiProperty() contentSha256!: string;
  @ApiProperty({ description: 'false: the row was changed after it was archived (GET /audit/verify names it)' })
  intact!: boolean;
}

export class HistoryTimelineDto {
  @ApiProperty() caseId!: string;
  @ApiProperty({
    enum: ['engine', 'archive'],
    description: 'The engine while it keeps the case; the audit archive after its retention',
  })
  source!: 'engine' | 'archive';
  @ApiPropertyOptional({ type: ArchiveMarkDto }) archive?: ArchiveMarkDto;
  @ApiProperty({ type: [TimelineEntryDto] }) entries!: TimelineEntryDto[];
}

/** Temporal's own JSON of the history (`?format=raw`), as `temporal workflow show --output json` prints it. */
export class RawHistoryDto {
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } })
  events!: Array<Record<string, unknown>>;
}

const HISTORY_FORMATS = ['timeline', 'raw'] as const;
export type HistoryFormat = (typeof HISTORY_FORMATS)[number];

/** How the history is read; any other query field is refused, as on the lists. */
export class HistoryQueryDto {
  @EnumField(HISTORY_FORMATS, {
    optional: true,
    enumName: 'HistoryFormat',
    description: 'timeline (default) or raw: Temporal’s own JSON of the history',
  })
  format?: HistoryFormat;
}
