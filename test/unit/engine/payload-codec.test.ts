import { defaultPayloadConverter } from '@temporalio/common';
import { AesGcmPayloadCodec, parsePayloadKeys, UnknownPayloadKeyError } from '../../../src/engine/payload-codec.js';

const key = (fill: number) => Buffer.alloc(32, fill);
const personal = { purpose: '低保申请：张三家庭收入核对', idNo: '110101199001011234' };

describe('AesGcmPayloadCodec', () => {
  const codec = new AesGcmPayloadCodec(new Map([['k1', key(1)]]), 'k1');

  it('turns a payload into ciphertext marked with its key id, and back', async () => {
    const plain = defaultPayloadConverter.toPayload(personal)!;
    const [encrypted] = await codec.encode([plain]);
    expect(Buffer.from(encrypted.metadata!.encoding!).toString()).toBe('binary/encrypted');
    expect(Buffer.from(encrypted.metadata!['encryption-key-id']!).toString()).toBe('k1');
    expect(Buffer.from(encrypted.data!).toString('utf8')).not.toContain('张三');
    const [decoded] = await codec.decode([encrypted]);
    expect(defaultPayloadConverter.fromPayload(decoded)).toEqual(personal);
  });

  it('reads payloads of an older key after rotation, and passes clear payloads through', async () => {
    const [old] = await codec.encode([defaultPayloadConverter.toPayload(personal)!]);
    const rotated = new AesGcmPayloadCodec(
      new Map([
        ['k1', key(1)],
        ['k2', key(2)],
      ]),
      'k2',
    );
    const [fresh] = await rotated.encode([defaultPayloadConverter.toPayload(personal)!]);
    expect(Buffer.from(fresh.metadata!['encryption-key-id']!).toString()).toBe('k2');
    const clear = defaultPayloadConverter.toPayload('recorded before encryption')!;
    const decoded = await rotated.decode([old, fresh, clear]);
    expect(decoded.map((p) => defaultPayloadConverter.fromPayload(p))).toEqual([
      personal,
      personal,
      'recorded before encryption',
    ]);
  });

  it('refuses an altered payload and one of an unknown key', async () => {
    const [encrypted] = await codec.encode([defaultPayloadConverter.toPayload(personal)!]);
    const altered = { ...encrypted, data: Buffer.from(encrypted.data!).map((b, i) => (i === 20 ? b ^ 1 : b)) };
    await expect(codec.decode([altered])).rejects.toThrow();
    const stranger = new AesGcmPayloadCodec(new Map([['k9', key(9)]]), 'k9');
    await expect(stranger.decode([encrypted])).rejects.toBeInstanceOf(UnknownPayloadKeyError);
  });

  it('takes keys of exactly 32 bytes from configuration', () => {
    expect(parsePayloadKeys(JSON.stringify({ k1: key(1).toString('base64') })).get('k1')).toEqual(key(1));
    expect(() => parsePayloadKeys(JSON.stringify({ k1: Buffer.alloc(16).toString('base64') }))).toThrow('32 bytes');
  });
});
