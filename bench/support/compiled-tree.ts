import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export type CompiledTree = {
  /** The folder a process of this code runs in: `config/`, `migrations/` and `node_modules/` are found from here. */
  dir: string;
  /** Where the compiled modules are: `<modules>/src/app/deps.js`, `<modules>/workers/workers.js`. */
  modules: string;
  remove(): void;
};

/**
 * The code of a commit, or of this checkout when `commit` is null, compiled by `tsc` as the image builds it
 * (tsconfig.build.json) into a temp folder: a benchmark runs it with plain `node`, as production does (under tsx
 * every process carries about 50 MB more). `git archive` only reads the repository: the work tree, the index and the
 * worktree list stay as they are. tsc's complaints about files others are editing do not stop it from emitting.
 */
export async function compileTree(repo: string, commit: string | null): Promise<CompiledTree> {
  const dir = mkdtempSync(join(tmpdir(), `praxiswarn-${commit ? commit.slice(0, 7) : 'checkout'}-`));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    let project = join(repo, 'tsconfig.build.json');
    if (commit) {
      const archive = join(dir, 'tree.tar');
      await run('git', ['-C', repo, 'archive', '-o', archive, commit, 'src', 'workers', 'migrations', 'config', 'package.json', 'tsconfig.json', 'tsconfig.build.json']);
      await run('tar', ['-x', '-f', archive, '-C', dir]);
      rmSync(archive);
      project = join(dir, 'tsconfig.build.json');
    } else {
      for (const name of ['migrations', 'config']) symlinkSync(join(repo, name), join(dir, name), 'dir');
      copyFileSync(join(repo, 'package.json'), join(dir, 'package.json'));
    }
    symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir');
    await tsc(repo, ['-p', project, '--outDir', join(dir, 'dist')]);
    if (!existsSync(join(dir, 'dist/src/app/deps.js'))) throw new Error(`tsc gave no dist/src/app/deps.js for ${commit ?? 'this checkout'}`);
    return { dir, modules: join(dir, 'dist'), remove };
  } catch (error) {
    remove();
    throw error;
  }
}

/** One script and what it imports, compiled to plain ES modules in a temp folder; returns the compiled entry file. */
export async function compileScript(repo: string, file: string, rootDir: string): Promise<{ entry: string; remove(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'praxiswarn-script-'));
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  const options = ['--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--skipLibCheck', '--types', 'node'];
  await tsc(repo, [...options, '--rootDir', rootDir, '--outDir', dir, file]);
  const entry = join(dir, file.slice(rootDir.length).replace(/\.ts$/, '.js'));
  if (!existsSync(entry)) throw new Error(`tsc gave no ${entry}`);
  return { entry, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

async function tsc(repo: string, args: string[]): Promise<void> {
  await run(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), ...args], { cwd: repo, maxBuffer: 16 * 1024 * 1024 }).catch((error: { stdout?: string }) => {
    process.stderr.write(`tsc reported type errors (emitted anyway):\n${(error.stdout ?? '').split('\n').slice(0, 5).join('\n')}\n`);
  });
}
