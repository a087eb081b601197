/** The size estimate of a conversion (src/estimate/estimate.ts), as results and reports carry it. */

/** One term of the estimate: what it is and what it weighs in each image (MB). */
export interface EstimatePart {
  what: string;
  originalMb: number;
  convertedMb: number;
}

export interface Estimate {
  /** The original image and the converted one, approximate MB (as `docker images` shows them). */
  originalMb: number;
  convertedMb: number;
  /** originalMb − convertedMb: negative when the conversion would grow the image. */
  savingMb: number;
  /** The terms the figures add up from, largest difference first. */
  basis: EstimatePart[];
}
