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
  allowed = Object.keys(LABELS) as RoleOption[],
}: {
  role: RoleOption | undefined;
  onChange: (role: RoleOption) => void;
  /** Only these are offered: the roles the EHR gives the user. */
  allowed?: readonly RoleOption[];
}) {
  const id = useId();
  return (
    <div className="role-switcher">
      <label htmlFor={id}>Working as</label>
      <select
        id={id}
        value={role ?? ''}
        onChange={(e) => {
          const v = allowed.find((r) => r === e.target.value);
          if (v) onChange(v);
        }}
      >
        {role === undefined ? (
          <option value="" disabled>
            Choose your role
          </option>
        ) : null}
        {allowed.map((r) => (
          <option key={r} value={r}>
            {LABELS[r]}
          </option>
        ))}
      </select>
    </div>
  );
}

export function RolePicker({
  onChange,
  allowed = Object.keys(LABELS) as RoleOption[],
}: {
  onChange: (role: RoleOption) => void;
  allowed?: readonly RoleOption[];
}) {
  return (
    <section className="role-picker" aria-labelledby="role-picker-heading">
      <h2 id="role-picker-heading">Which work are you doing?</h2>
      <p>The EHR gives you more than one role here. Choose one; you can switch later.</p>
      <div className="role-buttons">
        {allowed.map((r) => (
          <button key={r} type="button" onClick={() => onChange(r)}>
            {LABELS[r]}
          </button>
        ))}
      </div>
    </section>
  );
}
