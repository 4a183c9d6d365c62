// zod schemas of the FHIR datatypes we read. Only the fields the mapper uses are checked;
// everything else passes through untouched (house habit 2).
import { z } from 'zod';
import { isFhirDateTime } from './date-time.ts';

/** FHIR date, dateTime or instant: YYYY, YYYY-MM, YYYY-MM-DD, or a full time with offset. */
export const dateTimeSchema = z
  .string()
  .refine((v) => isFhirDateTime(v), { message: 'not a FHIR date/time' });

export const codingSchema = z.looseObject({
  system: z.string().optional(),
  code: z.string().optional(),
  display: z.string().optional(),
});

export const codeableConceptSchema = z.looseObject({
  coding: z.array(codingSchema).optional(),
  text: z.string().optional(),
});

export const identifierSchema = z.looseObject({
  system: z.string().optional(),
  value: z.string().optional(),
});

export const referenceSchema = z.looseObject({
  reference: z.string().optional(),
  display: z.string().optional(),
  identifier: identifierSchema.optional(),
});

export const quantitySchema = z.looseObject({
  value: z.number().optional(),
  unit: z.string().optional(),
  system: z.string().optional(),
  code: z.string().optional(),
});

export const ratioSchema = z.looseObject({
  numerator: quantitySchema.optional(),
  denominator: quantitySchema.optional(),
});

export const periodSchema = z.looseObject({
  start: dateTimeSchema.optional(),
  end: dateTimeSchema.optional(),
});

export const moneySchema = z.looseObject({
  value: z.number().optional(),
  currency: z.string().optional(),
});

export interface Extension {
  url: string;
  valueBoolean?: boolean | undefined;
  valueCode?: string | undefined;
  valueString?: string | undefined;
  valuePositiveInt?: number | undefined;
  valueQuantity?: z.infer<typeof quantitySchema> | undefined;
  valueCodeableConcept?: z.infer<typeof codeableConceptSchema> | undefined;
  valueReference?: z.infer<typeof referenceSchema> | undefined;
  extension?: Extension[] | undefined;
  [key: string]: unknown;
}

export const extensionSchema: z.ZodType<Extension> = z.looseObject({
  url: z.string(),
  valueBoolean: z.boolean().optional(),
  valueCode: z.string().optional(),
  valueString: z.string().optional(),
  valuePositiveInt: z.number().int().positive().optional(),
  valueQuantity: quantitySchema.optional(),
  valueCodeableConcept: codeableConceptSchema.optional(),
  valueReference: referenceSchema.optional(),
  get extension() {
    return z.array(extensionSchema).optional();
  },
});

export const metaSchema = z.looseObject({ versionId: z.string().optional() });

/** Fields every resource we read may carry. */
export const resourceBase = {
  id: z.string().optional(),
  meta: metaSchema.optional(),
  extension: z.array(extensionSchema).optional(),
  contained: z.array(z.looseObject({ resourceType: z.string() })).optional(),
};

export type CodeableConcept = z.infer<typeof codeableConceptSchema>;
export type Quantity = z.infer<typeof quantitySchema>;
export type Ratio = z.infer<typeof ratioSchema>;
