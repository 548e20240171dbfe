import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
} from 'class-validator';
import { isPlainDate } from '../../../calendar/plain-date.js';

const PLAIN_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Control characters other than tab and line breaks: never part of a text a person wrote, and PostgreSQL refuses NUL. */
const NO_CONTROL_CHARACTERS = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;

/** Whether a text a person sent carries a control character other than tab and line breaks. */
export const hasControlCharacters = (text: string): boolean => !NO_CONTROL_CHARACTERS.test(text);
/** Ids of catalog entries, departments and cases: visible ASCII without spaces. */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

interface FieldOptions {
  description?: string;
  example?: unknown;
  optional?: boolean;
}

const trimmed = Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

function documented(schema: Record<string, unknown>, options: FieldOptions) {
  const { optional, ...rest } = options;
  return optional ? ApiPropertyOptional({ ...schema, ...rest }) : ApiProperty({ ...schema, ...rest });
}

const optionally = (options: FieldOptions) => (options.optional ? [IsOptional()] : []);

/**
 * Text a person writes: trimmed before its length is checked (so blanks are
 * empty), no control characters, within the lengths the OpenAPI document states.
 */
export function TextField(options: FieldOptions & { min?: number; max: number }) {
  const min = options.min ?? 1;
  return applyDecorators(
    documented({ type: 'string', minLength: min, maxLength: options.max }, options),
    trimmed,
    ...optionally(options),
    IsString(),
    MinLength(min),
    MaxLength(options.max),
    Matches(NO_CONTROL_CHARACTERS, { message: '$property must not contain control characters' }),
  );
}

/** The id of something the system knows (a catalog entry, a department, a case). */
export function IdField(options: FieldOptions & { max?: number }) {
  const max = options.max ?? 200;
  return applyDecorators(
    documented({ type: 'string', minLength: 1, maxLength: max, pattern: ID_PATTERN.source }, options),
    ...optionally(options),
    IsString(),
    MaxLength(max),
    Matches(ID_PATTERN, { message: '$property must be an id of visible letters, digits and . _ : -' }),
  );
}

/** A list of distinct ids (data item keys). */
export function IdListField(options: FieldOptions & { maxItems: number }) {
  return applyDecorators(
    documented(
      {
        type: 'string',
        isArray: true,
        minItems: 1,
        maxItems: options.maxItems,
        uniqueItems: true,
        pattern: ID_PATTERN.source,
      },
      options,
    ),
    ...optionally(options),
    IsString({ each: true }),
    MaxLength(100, { each: true }),
    Matches(ID_PATTERN, {
      each: true,
      message: 'each value in $property must be an id of visible letters, digits and . _ : -',
    }),
    ArrayMinSize(1),
    ArrayMaxSize(options.maxItems),
    ArrayUnique(),
  );
}

/** One of a fixed set of values. */
export function EnumField(values: readonly string[], options: FieldOptions & { enumName?: string }) {
  const { enumName, ...rest } = options;
  return applyDecorators(documented({ enum: values, enumName }, rest), ...optionally(options), IsIn(values));
}

/** A whole number within limits. */
export function IntegerField(options: FieldOptions & { min: number; max: number }) {
  return applyDecorators(
    documented({ type: 'integer', minimum: options.min, maximum: options.max }, options),
    ...optionally(options),
    IsInt(),
    Min(options.min),
    Max(options.max),
  );
}

/** An instant written with its offset (a time without one is ambiguous: UTC or Asia/Shanghai?). */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const EARLIEST = Date.UTC(1949, 9, 1);
const LATEST = Date.UTC(2200, 0, 1);

/** Whether an instant lies where this system's dates may: 1949-10-01 up to the end of 2199. */
export const isInstantInRange = (ms: number): boolean => !Number.isNaN(ms) && ms >= EARLIEST && ms < LATEST;

/** An ISO-8601 instant with its offset, between 1949-10-01 and 2199-12-31. */
export function InstantField(options: FieldOptions) {
  return applyDecorators(
    documented({ type: 'string', format: 'date-time', pattern: INSTANT.source }, options),
    ...optionally(options),
    ValidateBy({
      name: 'isInstantInRange',
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || !INSTANT.test(value)) return false;
          const at = Date.parse(value);
          return isInstantInRange(at);
        },
        defaultMessage: () =>
          '$property must be an ISO-8601 instant with its offset (2026-02-12T10:00:00+08:00) between 1949 and 2199',
      },
    }),
  );
}

/** A calendar day `YYYY-MM-DD` (a day in Asia/Shanghai) between 1949-10-01 and 2199-12-31. */
export function PlainDateField(options: FieldOptions) {
  return applyDecorators(
    documented({ type: 'string', format: 'date', pattern: PLAIN_DATE_PATTERN.source }, options),
    ...optionally(options),
    ValidateBy({
      name: 'isPlainDateInRange',
      validator: {
        validate: (value: unknown) => isPlainDate(value) && value >= '1949-10-01' && value <= '2199-12-31',
        defaultMessage: () => '$property must be a calendar day YYYY-MM-DD between 1949-10-01 and 2199-12-31',
      },
    }),
  );
}

/** A map of short texts by key (a decision's details): every value a string within `max`, without control characters. */
export function TextMapField(options: FieldOptions & { max: number }) {
  const isText = (v: unknown) => typeof v === 'string' && v.length <= options.max && !hasControlCharacters(v);
  return applyDecorators(
    documented({ type: 'object', additionalProperties: { type: 'string', maxLength: options.max } }, options),
    ...optionally(options),
    ValidateBy({
      name: 'isTextMap',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every(isText),
        defaultMessage: () =>
          `every value of $property must be a string of at most ${options.max} characters, without control characters`,
      },
    }),
  );
}

/** An optional yes/no in a query string: `true` or `false`, anything else refused. */
export function QueryFlagField(options: Omit<FieldOptions, 'optional'> = {}) {
  return applyDecorators(
    documented({ type: 'boolean' }, { ...options, optional: true }),
    IsOptional(),
    Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value)),
    IsBoolean(),
  );
}
