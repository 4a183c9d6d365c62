// Minimal typing of @lhncbc/ucum-lhc (the package ships none): the calls we make.
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
