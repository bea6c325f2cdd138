// The shape of search highlights, shared by the server (which finds them) and the browser (which marks them).
/** [start, end) in UTF-16 code units of the field's text. */
export type Range = [start: number, end: number];

export interface ReviewHighlights {
  title: Range[];
  body: Range[];
}
