/**
 * A name safe on every file system, from a worker's name: letters without accents, digits and
 * hyphens only ("{{name}} | # Ñoño" gives "name-nono"); never empty, never a path.
 */
export function safeFileStem(name: string): string {
  const stem = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return stem || 'worker';
}
