/**
 * The import graph of the source tree, read from the files themselves (a regex over import
 * specifiers, no compiler), and folded to rooms: `renderer/sell/ui/cart-lines.tsx` is in the room
 * `renderer/sell`; a file at a package's top (`sync-server/server.ts`, `renderer/app.tsx`) is an
 * entry point or the package's wiring, not in a room, and stands for itself.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..', '..');
export const PACKAGES = ['src', 'renderer', 'sync-server', 'main'] as const;

export interface SourceFile {
  /** Repository-relative, with forward slashes. */
  path: string;
  lines: number;
  /** Relative imports resolved to repository-relative paths (outside the tree too). */
  imports: string[];
  /** Package names and other non-relative specifiers, as written. */
  bare: string[];
}

const SPECIFIER = [
  // `from` after a space or brace, so a string like 'from' in a schema's `required` is no import.
  /(?:^|[\s}])from\s*['"]([^'"\n]+)['"]/gm,
  /\bimport\s*['"]([^'"\n]+)['"]/g,
  /\bimport\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g,
  /\brequire\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g,
];

/** Doc comments and line comments mention paths in prose; they are not imports. */
export function withoutComments(text: string): string {
  return text.replace(/^\s*\/\*[\s\S]*?\*\//gm, '').replace(/^\s*\/\/.*$/gm, '');
}

const toPosix = (path: string): string => path.split(sep).join('/');

function resolveImport(fromFile: string, specifier: string): string {
  const base = resolve(ROOT, dirname(fromFile), specifier.replace(/\.js$/, ''));
  const candidates = [
    base + '.ts',
    base + '.tsx',
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
    base,
  ];
  const found = candidates.find(
    (candidate) => existsSync(candidate) && statSync(candidate).isFile(),
  );
  return toPosix(relative(ROOT, found ?? base));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

export function readTree(packages: readonly string[] = PACKAGES): SourceFile[] {
  return packages.flatMap(sourceFiles).map((path) => {
    const text = readFileSync(join(ROOT, path), 'utf8');
    const code = withoutComments(text);
    const specifiers = SPECIFIER.flatMap((pattern) =>
      [...code.matchAll(pattern)].map((match) => match[1] ?? ''),
    );
    return {
      path,
      lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0),
      imports: specifiers.filter((s) => s.startsWith('.')).map((s) => resolveImport(path, s)),
      bare: specifiers.filter((s) => !s.startsWith('.')),
    };
  });
}

/** `renderer/sell/ui/x.tsx` → `renderer/sell`; `sync-server/server.ts` → itself. */
export function roomOf(path: string): string {
  const parts = path.split('/');
  return parts.length <= 2 ? path : `${parts[0]}/${parts[1]}`;
}

export interface RoomEdge {
  from: string;
  to: string;
  /** One file-level import that makes the edge, for the failure message. */
  example: string;
}

/** Imports between rooms of the tree (within a room, and to files outside the tree, dropped). */
export function roomEdges(files: readonly SourceFile[]): RoomEdge[] {
  const known = new Set(files.map((file) => file.path));
  const edges = new Map<string, RoomEdge>();
  for (const file of files) {
    for (const target of file.imports) {
      if (!known.has(target)) continue;
      const from = roomOf(file.path);
      const to = roomOf(target);
      if (from === to || edges.has(`${from} ${to}`)) continue;
      edges.set(`${from} ${to}`, { from, to, example: `${file.path} imports ${target}` });
    }
  }
  return [...edges.values()];
}

/** Rooms that reach each other through imports (strongly connected, more than one room). */
export function roomCycles(edges: readonly RoomEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const edge of edges) next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (room: string): void => {
    order.set(room, order.size);
    low.set(room, order.get(room) ?? 0);
    stack.push(room);
    onStack.add(room);
    for (const to of next.get(room) ?? []) {
      if (!order.has(to)) {
        visit(to);
        low.set(room, Math.min(low.get(room) ?? 0, low.get(to) ?? 0));
      } else if (onStack.has(to)) {
        low.set(room, Math.min(low.get(room) ?? 0, order.get(to) ?? 0));
      }
    }
    if (low.get(room) !== order.get(room)) return;
    const members: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      members.push(member);
    } while (member !== room);
    if (members.length > 1) cycles.push(members.sort());
  };
  for (const room of new Set(edges.flatMap((edge) => [edge.from, edge.to]))) {
    if (!order.has(room)) visit(room);
  }
  return cycles;
}
