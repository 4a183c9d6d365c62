// The chair's rows come from the FHIR mapper (fhir/map/chair-model.ts reads the resources);
// the nurse's screen works from these view models.
export {
  buildChairModel,
  chairStatus,
  etagOf,
  STATUS_TEXT,
  type AdministrationRow,
  type ChairModel,
  type ChairScope,
  type ChairStatus,
  type DrugFacts,
  type OrderRow,
} from '../../fhir/map/chair-model.ts';
