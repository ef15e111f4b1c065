/** The small part of lunar-javascript (MIT, 6tail) that the provisional holidays use; the package ships no types. */
declare module 'lunar-javascript' {
  interface Solar {
    toYmd(): string;
    next(days: number): Solar;
  }
  interface Lunar {
    getSolar(): Solar;
    getJieQiTable(): Record<string, Solar>;
  }
  export const Lunar: { fromYmd(year: number, month: number, day: number): Lunar };
  export const Solar: { fromYmd(year: number, month: number, day: number): Solar & { getLunar(): Lunar } };
}
