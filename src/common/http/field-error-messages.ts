import type { ValidationError } from 'class-validator';
import type { FieldError } from '../errors/domain-error.js';

type Describe = (field: string, english: string) => string;

const firstNumber = (english: string) => /(-?\d+(?:\.\d+)?)/.exec(english)?.[1] ?? '';
const listAfterColon = (english: string) => english.slice(english.lastIndexOf(':') + 1).trim();

/** The Chinese message of each class-validator constraint; numbers and lists come from its English message. */
const CHINESE: Record<string, Describe> = {
  whitelistValidation: (f) => `不允许的字段 ${f}`,
  isDefined: (f) => `${f} 不能为空`,
  isNotEmpty: (f) => `${f} 不能为空`,
  isString: (f) => `${f} 必须是文本`,
  isBoolean: (f) => `${f} 必须是 true 或 false`,
  isInt: (f) => `${f} 必须是整数`,
  isNumber: (f) => `${f} 必须是数字`,
  isObject: (f) => `${f} 必须是对象`,
  isArray: (f) => `${f} 必须是数组`,
  min: (f, e) => `${f} 不能小于 ${firstNumber(e)}`,
  max: (f, e) => `${f} 不能大于 ${firstNumber(e)}`,
  minLength: (f, e) => `${f} 长度不能少于 ${firstNumber(e)} 个字符`,
  maxLength: (f, e) => `${f} 长度不能超过 ${firstNumber(e)} 个字符`,
  arrayMinSize: (f, e) => `${f} 至少需要 ${firstNumber(e)} 项`,
  arrayMaxSize: (f, e) => `${f} 最多 ${firstNumber(e)} 项`,
  arrayUnique: (f) => `${f} 中的值不能重复`,
  isIn: (f, e) => `${f} 必须是以下之一：${listAfterColon(e)}`,
  isEnum: (f, e) => `${f} 必须是以下之一：${listAfterColon(e)}`,
  isIso8601: (f) => `${f} 必须是带时区偏移的 ISO-8601 时间（如 2026-02-12T10:00:00+08:00）`,
  isISO8601: (f) => `${f} 必须是带时区偏移的 ISO-8601 时间（如 2026-02-12T10:00:00+08:00）`,
  isInstantInRange: (f) => `${f} 须为带时区偏移的 ISO-8601 时间（如 2026-02-12T10:00:00+08:00），且在1949至2199年之间`,
  isPlainDateInRange: (f) => `${f} 须为1949-10-01至2199-12-31之间的日期（YYYY-MM-DD）`,
  matches: (f, e) =>
    e.includes('control characters')
      ? `${f} 不能包含控制字符`
      : e.includes('must be an id')
        ? `${f} 须为由字母、数字及 . _ : - 组成的编号`
        : `${f} 的格式不正确`,
  isTextMap: (f, e) => `${f} 的每个值须为不超过 ${firstNumber(e)} 字、不含控制字符的文本`,
  isUrl: (f) => `${f} 必须是 http 或 https 网址`,
  nestedValidation: (f) => `${f} 必须是对象`,
};

function chinese(constraint: string, field: string, english: string): string {
  const describe = CHINESE[constraint];
  const message = describe ? describe(field, english) : `${field} 不符合要求（${english}）`;
  return english.startsWith('each value in') ? `${field} 中的每一项：${message.replace(`${field} `, '')}` : message;
}

/** class-validator's errors as field errors: a path, the constraint as a stable code, zh and en. */
export function fieldErrorsOf(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix
      ? /^\d+$/.test(error.property)
        ? `${prefix}[${error.property}]`
        : `${prefix}.${error.property}`
      : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([code, english]) => ({
      field,
      code,
      text: { zh: chinese(code, field, english), en: english },
    }));
    return [...own, ...fieldErrorsOf(error.children ?? [], field)];
  });
}
