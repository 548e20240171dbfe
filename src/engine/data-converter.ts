import type { DataConverter } from '@temporalio/common';
import type { AppConfig } from '../config/app-config.js';
import { AesGcmPayloadCodec, parsePayloadKeys } from './payload-codec.js';

/** The codec of this deployment, or none when no payload keys are configured. */
export function payloadCodecOf(config: AppConfig): AesGcmPayloadCodec | undefined {
  if (!config.PAYLOAD_KEYS) return undefined;
  const keys = parsePayloadKeys(config.PAYLOAD_KEYS);
  return new AesGcmPayloadCodec(keys, config.PAYLOAD_KEY_ID ?? [...keys.keys()].at(-1)!);
}

/** What the API's client and the worker both use, so each reads what the other wrote. */
export function dataConverterOf(config: AppConfig): DataConverter {
  const codec = payloadCodecOf(config);
  return codec ? { payloadCodecs: [codec] } : {};
}
