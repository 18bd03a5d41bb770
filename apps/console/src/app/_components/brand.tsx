/** The Vouch mark and name at the top of the pages outside the dashboard (sign-in, invitation, MFA enrolment). */
export function Brand() {
  return (
    <div className="flex items-center gap-2">
      <span aria-hidden="true" className="flex size-9 items-center justify-center rounded-lg bg-indigo-600 text-lg font-bold text-white">
        V
      </span>
      <span className="text-xl font-semibold tracking-tight text-slate-900">Vouch</span>
    </div>
  );
}
