import { memoizeText, type SerialAttributes } from '@registry/domain';

/**
 * A block's attributes from their stored JSON. The blocks of a namespace mostly share that text, so
 * each text is parsed once and its object shared between blocks: frozen, so no reader can change
 * another block's attributes.
 */
export const parsedAttributes = memoizeText((text: string): SerialAttributes => Object.freeze(JSON.parse(text) as SerialAttributes), 50_000);
