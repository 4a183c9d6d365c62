// Choose or switch the screen the user works in.
import { useId } from 'react';

export type RoleOption = 'nurse' | 'clinician' | 'coder';

const LABELS: Record<RoleOption, string> = {
  nurse: 'Nurse',
  clinician: 'Clinician',
  coder: 'Coder',
};

export function RoleSwitcher({
  role,
  onChange,
}: {
  role: RoleOption | undefined;
  onChange: (role: RoleOption) => void;
}) {
  const id = useId();
  return (
    <div className="role-switcher">
      <label htmlFor={id}>Working as</label>
      <select
        id={id}
        value={role ?? ''}
        onChange={(e) => {
          const v = e.target.value;
          if (v === 'nurse' || v === 'clinician' || v === 'coder') onChange(v);
        }}
      >
        {role === undefined ? (
          <option value="" disabled>
            Choose your role
          </option>
        ) : null}
        {(Object.keys(LABELS) as RoleOption[]).map((r) => (
          <option key={r} value={r}>
            {LABELS[r]}
          </option>
        ))}
      </select>
    </div>
  );
}

export function RolePicker({ onChange }: { onChange: (role: RoleOption) => void }) {
  return (
    <section className="role-picker" aria-labelledby="role-picker-heading">
      <h2 id="role-picker-heading">Which work are you doing?</h2>
      <p>EveryDose could not tell your role from the EHR. Choose one; you can switch later.</p>
      <div className="role-buttons">
        {(Object.keys(LABELS) as RoleOption[]).map((r) => (
          <button key={r} type="button" onClick={() => onChange(r)}>
            {LABELS[r]}
          </button>
        ))}
      </div>
    </section>
  );
}
