// Coverage, eligibility, claims and preauthorizations.
import { z } from 'zod';
import {
  codeableConceptSchema,
  dateTimeSchema,
  moneySchema,
  periodSchema,
  quantitySchema,
  referenceSchema,
  resourceBase,
} from './common.ts';

export const coverageSchema = z.looseObject({
  resourceType: z.literal('Coverage'),
  ...resourceBase,
  status: z.string(),
  type: codeableConceptSchema.optional(),
  beneficiary: referenceSchema,
  period: periodSchema.optional(),
  payor: z.array(referenceSchema).optional(),
  order: z.number().int().optional(),
});

export const coverageEligibilityResponseSchema = z.looseObject({
  resourceType: z.literal('CoverageEligibilityResponse'),
  ...resourceBase,
  patient: referenceSchema.optional(),
  insurance: z
    .array(
      z.looseObject({
        coverage: referenceSchema.optional(),
        item: z
          .array(
            z.looseObject({
              productOrService: codeableConceptSchema.optional(),
              authorizationRequired: z.boolean().optional(),
            }),
          )
          .optional(),
      }),
    )
    .optional(),
});

/** One adjudication of a claim item: category (benefit, paid, denial reason …), reason, amount. */
const adjudicationSchema = z.looseObject({
  category: codeableConceptSchema.optional(),
  reason: codeableConceptSchema.optional(),
  amount: moneySchema.optional(),
});

const claimItemSchema = z.looseObject({
  sequence: z.number().int().optional(),
  productOrService: codeableConceptSchema.optional(),
  modifier: z.array(codeableConceptSchema).optional(),
  quantity: quantitySchema.optional(),
  servicedDate: dateTimeSchema.optional(),
  servicedPeriod: periodSchema.optional(),
  net: moneySchema.optional(),
  encounter: z.array(referenceSchema).optional(),
  detail: z
    .array(
      z.looseObject({
        productOrService: codeableConceptSchema.optional(),
        quantity: quantitySchema.optional(),
      }),
    )
    .optional(),
});

export const claimSchema = z.looseObject({
  resourceType: z.literal('Claim'),
  ...resourceBase,
  status: z.string().optional(),
  use: z.string(),
  type: codeableConceptSchema.optional(),
  patient: referenceSchema.optional(),
  insurer: referenceSchema.optional(),
  diagnosis: z
    .array(z.looseObject({ diagnosisCodeableConcept: codeableConceptSchema.optional() }))
    .optional(),
  supportingInfo: z
    .array(
      z.looseObject({
        category: codeableConceptSchema.optional(),
        code: codeableConceptSchema.optional(),
        valueString: z.string().optional(),
        valueReference: referenceSchema.optional(),
        valueQuantity: quantitySchema.optional(),
      }),
    )
    .optional(),
  insurance: z
    .array(
      z.looseObject({
        focal: z.boolean().optional(),
        coverage: referenceSchema.optional(),
        preAuthRef: z.array(z.string()).optional(),
      }),
    )
    .optional(),
  item: z.array(claimItemSchema).optional(),
});

export const claimResponseSchema = z.looseObject({
  resourceType: z.literal('ClaimResponse'),
  ...resourceBase,
  use: z.string(),
  outcome: z.string().optional(),
  patient: referenceSchema.optional(),
  request: referenceSchema.optional(),
  preAuthRef: z.string().optional(),
  preAuthPeriod: periodSchema.optional(),
  addItem: z
    .array(
      z.looseObject({
        productOrService: codeableConceptSchema.optional(),
        quantity: quantitySchema.optional(),
      }),
    )
    .optional(),
  /** Item adjudications of a claim response (use = claim): denial reasons (CARC/RARC). */
  item: z
    .array(
      z.looseObject({
        itemSequence: z.number().int().optional(),
        adjudication: z.array(adjudicationSchema).optional(),
      }),
    )
    .optional(),
});

/** ExplanationOfBenefit, for past adjudications and their denial reasons (CARIN BB shape). */
export const explanationOfBenefitSchema = z.looseObject({
  resourceType: z.literal('ExplanationOfBenefit'),
  ...resourceBase,
  patient: referenceSchema.optional(),
  claim: referenceSchema.optional(),
  outcome: z.string().optional(),
  billablePeriod: periodSchema.optional(),
  item: z
    .array(
      z.looseObject({
        sequence: z.number().int().optional(),
        productOrService: codeableConceptSchema.optional(),
        modifier: z.array(codeableConceptSchema).optional(),
        servicedDate: dateTimeSchema.optional(),
        servicedPeriod: periodSchema.optional(),
        adjudication: z.array(adjudicationSchema).optional(),
      }),
    )
    .optional(),
});

export type CoverageR = z.infer<typeof coverageSchema>;
export type CoverageEligibilityResponseR = z.infer<typeof coverageEligibilityResponseSchema>;
export type ClaimR = z.infer<typeof claimSchema>;
export type ClaimResponseR = z.infer<typeof claimResponseSchema>;
export type ExplanationOfBenefitR = z.infer<typeof explanationOfBenefitSchema>;
