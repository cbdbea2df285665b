/** The one thing every example needs: a setting from the environment, or a clear stop without it. */
export function env(name: string): string {
  const value = process.env[name];
  if (!value) {
    console.error(`Set ${name} (see the comment at the top of this example).`);
    process.exit(2);
  }
  return value;
}
