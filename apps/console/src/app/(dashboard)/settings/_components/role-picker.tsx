'use client';

import type { TRole } from '@vouch/auth';
import { Checkbox } from '@vouch/ui';
import { ROLE_INFO, ROLE_ORDER } from './roles';

export interface TRolePickerProps {
  value: TRole[];
  onChange: (roles: TRole[]) => void;
  /** Roles the current user may hand out; the others show but cannot be ticked. */
  assignable: readonly TRole[];
  legend: string;
  error?: string | null;
  /** Prefix for the checkbox ids, so two pickers on a page do not collide. */
  idPrefix: string;
}

/** Multi-select of roles, each with what it allows. */
export function RolePicker({ value, onChange, assignable, legend, error, idPrefix }: TRolePickerProps) {
  const errorId = `${idPrefix}-roles-error`;
  return (
    <fieldset aria-describedby={error ? errorId : undefined}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className="mt-3 space-y-3">
        {ROLE_ORDER.map((role) => {
          const allowed = assignable.includes(role);
          return (
            <Checkbox
              key={role}
              id={`${idPrefix}-role-${role}`}
              name="roles"
              value={role}
              checked={value.includes(role)}
              disabled={!allowed}
              onChange={(event) => onChange(event.target.checked ? [...value, role] : value.filter((r) => r !== role))}
              label={ROLE_INFO[role].label}
              description={allowed ? ROLE_INFO[role].description : `${ROLE_INFO[role].description} Only owners can grant it.`}
            />
          );
        })}
      </div>
      {error ? (
        <p id={errorId} className="mt-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
