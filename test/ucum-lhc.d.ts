// Minimal typing of @lhncbc/ucum-lhc (the package ships none; a test-only dependency that
// checks the unit table in src/engine/drug/quantity.ts): the calls the test makes.
declare module '@lhncbc/ucum-lhc' {
  export interface UcumConversion {
    status: string;
    toVal: number | null;
    msg?: string[];
  }
  export interface UcumUtils {
    convertUnitTo(fromUnit: string, value: number, toUnit: string): UcumConversion;
  }
  export const UcumLhcUtils: { getInstance(): UcumUtils };
}
