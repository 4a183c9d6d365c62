// Medication-side resources: what was given, from which product, as ordered.
import { z } from 'zod';
import {
  codeableConceptSchema,
  dateTimeSchema,
  periodSchema,
  quantitySchema,
  ratioSchema,
  referenceSchema,
  resourceBase,
} from './common.ts';

export const ADMINISTRATION_STATUSES = [
  'in-progress',
  'not-done',
  'on-hold',
  'completed',
  'entered-in-error',
  'stopped',
  'unknown',
] as const;

export const dosageSchema = z.looseObject({
  text: z.string().optional(),
  site: codeableConceptSchema.optional(),
  route: codeableConceptSchema.optional(),
  method: codeableConceptSchema.optional(),
  dose: quantitySchema.optional(),
  rateRatio: ratioSchema.optional(),
  rateQuantity: quantitySchema.optional(),
});

export const medicationAdministrationSchema = z.looseObject({
  resourceType: z.literal('MedicationAdministration'),
  ...resourceBase,
  status: z.enum(ADMINISTRATION_STATUSES),
  medicationCodeableConcept: codeableConceptSchema.optional(),
  medicationReference: referenceSchema.optional(),
  subject: referenceSchema,
  context: referenceSchema.optional(),
  partOf: z.array(referenceSchema).optional(),
  effectiveDateTime: dateTimeSchema.optional(),
  effectivePeriod: periodSchema.optional(),
  request: referenceSchema.optional(),
  device: z.array(referenceSchema).optional(),
  dosage: dosageSchema.optional(),
});

export const medicationSchema = z.looseObject({
  resourceType: z.literal('Medication'),
  ...resourceBase,
  code: codeableConceptSchema.optional(),
  /** Dose form (SNOMED medication-form codes or text): read for the route (R20.3). */
  form: codeableConceptSchema.optional(),
  amount: ratioSchema.optional(),
  ingredient: z
    .array(
      z.looseObject({
        itemCodeableConcept: codeableConceptSchema.optional(),
        itemReference: referenceSchema.optional(),
        isActive: z.boolean().optional(),
        strength: ratioSchema.optional(),
      }),
    )
    .optional(),
});

export const medicationRequestSchema = z.looseObject({
  resourceType: z.literal('MedicationRequest'),
  ...resourceBase,
  subject: referenceSchema.optional(),
  dosageInstruction: z
    .array(
      z.looseObject({
        doseAndRate: z.array(z.looseObject({ doseQuantity: quantitySchema.optional() })).optional(),
      }),
    )
    .optional(),
});

export const medicationKnowledgeSchema = z.looseObject({
  resourceType: z.literal('MedicationKnowledge'),
  ...resourceBase,
  status: z.string().optional(),
  code: codeableConceptSchema.optional(),
  amount: quantitySchema.optional(),
  ingredient: z
    .array(
      z.looseObject({
        itemCodeableConcept: codeableConceptSchema.optional(),
        isActive: z.boolean().optional(),
        strength: ratioSchema.optional(),
      }),
    )
    .optional(),
  packaging: z
    .looseObject({ type: codeableConceptSchema.optional(), quantity: quantitySchema.optional() })
    .optional(),
});

export type MedicationAdministrationR = z.infer<typeof medicationAdministrationSchema>;
export type MedicationR = z.infer<typeof medicationSchema>;
export type MedicationKnowledgeR = z.infer<typeof medicationKnowledgeSchema>;
