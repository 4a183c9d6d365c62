// The chair's rows come from the FHIR mapper (fhir/map/chair-model.ts reads the resources);
// the nurse's screen works from these view models.
export {
  buildChairModel,
  chairStatus,
  STATUS_TEXT,
  type AdministrationRow,
  type ChairStatus,
  type OrderRow,
} from '../../fhir/map/chair-model.ts';
