/**
 * The bundled templates inside the browser bundle: esbuild embeds every file of
 * `server/templates/` as text (the `archdoc:bundled-templates` module, see esbuild.mjs), and
 * this serves them as a read-only folder, so that the registry is loaded by the same code as
 * from the disk: adding a bundled template is still only adding its pair of files.
 */
import files from 'archdoc:bundled-templates';
import { loadTemplateFolder, TemplateRegistry, type FileStat, type PolicyWorkspace } from '../policy/index.ts';

/** Where the embedded templates appear; a scheme of their own, so that no workspace file is mistaken for one. */
export const EMBEDDED_FOLDER = 'archdoc-bundled:/templates';

class EmbeddedFiles implements PolicyWorkspace {
  private readonly encoder = new TextEncoder();

  constructor(private readonly byName: Readonly<Record<string, string>>) {}

  async stat(uri: string): Promise<FileStat | undefined> {
    if (uri === EMBEDDED_FOLDER) return { kind: 'directory', size: 0 };
    const text = this.text(uri);
    return text === undefined ? undefined : { kind: 'file', size: this.encoder.encode(text).length };
  }

  async readFile(uri: string, maxBytes: number): Promise<Uint8Array> {
    const text = this.text(uri);
    if (text === undefined) throw new Error('is not a bundled template file');
    const bytes = this.encoder.encode(text);
    if (bytes.length > maxBytes) throw new Error(`is larger than the limit of ${maxBytes} bytes`);
    return bytes;
  }

  async readDirectory(uri: string): Promise<ReadonlyArray<readonly [string, FileStat['kind']]>> {
    if (uri !== EMBEDDED_FOLDER) throw new Error(`${uri} is not the bundled template folder`);
    return Object.keys(this.byName).map((name) => [name, 'file'] as const);
  }

  private text(uri: string): string | undefined {
    const prefix = `${EMBEDDED_FOLDER}/`;
    return uri.startsWith(prefix) ? this.byName[uri.slice(prefix.length)] : undefined;
  }
}

export async function embeddedTemplates(): Promise<TemplateRegistry> {
  return new TemplateRegistry(await loadTemplateFolder(new EmbeddedFiles(files), EMBEDDED_FOLDER));
}
