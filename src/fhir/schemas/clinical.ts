// Encounter, Location and research resources.
import { z } from 'zod';
import {
  codeableConceptSchema,
  identifierSchema,
  periodSchema,
  referenceSchema,
  resourceBase,
} from './common.ts';

export const encounterSchema = z.looseObject({
  resourceType: z.literal('Encounter'),
  ...resourceBase,
  status: z.string().optional(),
  subject: referenceSchema.optional(),
  period: periodSchema.optional(),
  location: z.array(z.looseObject({ location: referenceSchema })).optional(),
});

export const locationSchema = z.looseObject({
  resourceType: z.literal('Location'),
  ...resourceBase,
  type: z.array(codeableConceptSchema).optional(),
});

export const researchSubjectSchema = z.looseObject({
  resourceType: z.literal('ResearchSubject'),
  ...resourceBase,
  status: z.string(),
  individual: referenceSchema.optional(),
  study: referenceSchema,
  period: periodSchema.optional(),
});

export const researchStudySchema = z.looseObject({
  resourceType: z.literal('ResearchStudy'),
  ...resourceBase,
  identifier: z.array(identifierSchema).optional(),
  title: z.string().optional(),
  sponsor: referenceSchema.optional(),
  focus: z.array(codeableConceptSchema).optional(),
});

export type EncounterR = z.infer<typeof encounterSchema>;
export type ResearchSubjectR = z.infer<typeof researchSubjectSchema>;
export type ResearchStudyR = z.infer<typeof researchStudySchema>;
