import type { Payload, PayloadCodec } from '@temporalio/common';

/** Decodes, in place, every `payloads` list inside a history (inputs, results, markers, signals, updates). */
export async function decodePayloadsIn<T>(node: T, codec: PayloadCodec): Promise<T> {
  if (Array.isArray(node)) {
    for (const item of node) await decodePayloadsIn(item, codec);
  } else if (node && typeof node === 'object' && !ArrayBuffer.isView(node)) {
    const record = node as Record<string, unknown>;
    for (const [key, value] of Object.entries(record)) {
      if (key === 'payloads' && Array.isArray(value)) record[key] = await codec.decode(value as Payload[]);
      else await decodePayloadsIn(value, codec);
    }
  }
  return node;
}
