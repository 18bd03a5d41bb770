/** Runs once when the server starts: a missing or wrong variable stops start-up with one line. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { env } = await import('./env');
  try {
    env();
  } catch {
    // env() has already printed the one clear line naming the variable.
    process.exit(1);
  }
}
