// fontkit ships no types; pdfkit accepts the parsed font it returns wherever it takes font data.
declare module 'fontkit' {
  export interface Font {
    postscriptName: string;
    layout(text: string): unknown;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
