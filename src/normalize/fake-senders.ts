// The sender that fake mails pretend to be: "Gefälschte Fritzbox-Mails kursieren", "Phishing-Mails im Namen von
// AnyDesk", "angeblich von TeamViewer". The product has no flaw (a breach at its maker is told otherwise), but its
// users, practices among them, are the ones warned. Fake update mails ("Gefälschte AnyDesk-Update-Mails") stay about
// the product, as round 7 decided: they urge its users to install a fake release of it.
import type { Mention } from './products.js';

const senderCompound = /^-(?:(?!Update)[\p{L}!]+-){0,2}?(?:E-?Mails?|Mails?|Benachrichtigung\p{L}*|Nachricht\p{L}*|Rechnung\p{L}*|SMS|Anrufe?)(?!\p{L})/iu;
const senderBefore =
  /(?<!\p{L})(?:im\s+Namen\s+(?:von|des|der)|angeblich\s+(?:von|vom)|vermeintlich\s+(?:von|vom)|(?:purporting|claiming)\s+to\s+be\s+from|impersonating)\s+(?:(?:der|des|dem|den|the)\s+)?$/iu;
// … or the remote tool that fake support staff ask for: "Betrüger verlangen, dass Sie TeamViewer installieren".
const askedToInstall = /^\s+(?:\p{L}+\s+){0,2}?(?:zu\s+)?(?:installieren|herunterladen|herunterzuladen|installiert|heruntergeladen|to\s+install|to\s+download)(?!\p{L})/iu;
const fakeWords = ['gefälscht', 'fälschung', 'fake', 'phishing', 'betrüger', 'betrug', 'schadsoftware', 'trojaner', 'angeblich', 'vermeintlich', 'spoof', 'scam', 'impersonat'];
// Without a cue guard (cue-words.ts): the sentences it is asked about have no shape read yet, and reading one costs
// about twice what this pattern of plain words does.
const fakeWord = new RegExp(fakeWords.join('|'), 'iu');

const scammer = /betrüger|betrug|angeblich|vermeintlich|falsche[nr]?\s+(?:Support|Mitarbeiter|Techniker)|scammer|scam|fake\s+support/iu;

/** Whether a text speaks of fakes at all: the cheap test before any sentence is read for a sender. */
export function speaksOfFakes(text: string): boolean {
  return fakeWord.test(text);
}

/** Whether a sentence names the product as the sender fake mails or calls pretend to be, or as the tool they ask for. */
export function isFakeSender(text: string, mention: Pick<Mention, 'index' | 'end'>): boolean {
  if (!fakeWord.test(text)) return false;
  const before = text.slice(Math.max(0, mention.index - 60), mention.index);
  const after = text.slice(mention.end, mention.end + 60);
  return senderCompound.test(after) || senderBefore.test(before) || (scammer.test(text) && askedToInstall.test(after));
}
