import type { FeedElement } from './feed-tree.js';

/** The fields of an rss-parser item that parseFeed reads. */
export type FeedItem = {
  title?: unknown;
  link?: unknown;
  'content:encoded'?: unknown;
  content?: unknown;
  summary?: unknown;
  isoDate?: string;
  pubDate?: unknown;
  guid?: unknown;
  id?: unknown;
};

class GiveUp extends Error {}
const giveUp = (): never => {
  throw new GiveUp();
};

/**
 * The items of an RSS 2.0/0.9x, RSS 1.0 (RDF) or Atom document exactly as rss-parser gives them, field for field,
 * or null where rss-parser would give something this does not reproduce (an error, markup rebuilt from child
 * elements, an unrecognized root): the caller then asks rss-parser itself.
 */
export function feedItems(root: FeedElement): FeedItem[] | null {
  try {
    // rss-parser sees such a root, or an Atom entry like it, as a string and fails on it or reads String methods.
    if (!root.attrs && root.children.length === 0) return null;
    if (root.name === 'feed') return atomItems(root);
    const version = root.name === 'rss' ? root.attrs?.version : undefined;
    if (version && /^2/.test(version)) {
      if (root.attrs!['xmlns:itunes']) return null; // rss-parser adds iTunes fields; not worth reproducing
      return rssItems(first(root, 'channel') ?? giveUp());
    }
    if (root.name === 'rdf:RDF') {
      if (!first(root, 'channel')) return null;
      return root.children.filter((c) => c.name === 'item').map(rssItem);
    }
    if (version && /0\.9/.test(version)) return rssItems(first(root, 'channel') ?? giveUp());
    return null;
  } catch (error) {
    if (error instanceof GiveUp) return null;
    throw error;
  }
}

function rssItems(channel: FeedElement): FeedItem[] {
  return channel.children.filter((c) => c.name === 'item').map(rssItem);
}

function rssItem(element: FeedElement): FeedItem {
  const item: FeedItem & { date?: string } = {};
  const title = first(element, 'title') ?? first(element, 'dc:title');
  if (title) item.title = text(title);
  set(item, 'link', first(element, 'link'));
  set(item, 'pubDate', first(element, 'pubDate'));
  set(item, 'summary', first(element, 'summary'));
  set(item, 'content:encoded', first(element, 'content:encoded'));
  set(item, 'content', first(element, 'description'));
  set(item, 'guid', first(element, 'guid'));
  const dcDate = first(element, 'dc:date');
  const date = (item.pubDate as string | undefined) || (dcDate ? text(dcDate) : undefined);
  if (date) item.isoDate = isoDate(date);
  return item;
}

function atomItems(feed: FeedElement): FeedItem[] {
  if (feed.children.some((c) => c.name === 'link' && !c.attrs)) giveUp(); // rss-parser fails on these
  const entries = feed.children.filter((c) => c.name === 'entry');
  if (entries.some((e) => !e.attrs && e.children.length === 0)) giveUp();
  return entries.map(atomItem);
}

function atomItem(entry: FeedElement): FeedItem {
  const item: FeedItem = {};
  const title = first(entry, 'title');
  if (title) {
    const value = text(title);
    if (value) item.title = value;
  }
  const links = entry.children.filter((c) => c.name === 'link');
  if (links.length > 0) {
    if (links.some((l) => !l.attrs)) giveUp();
    item.link = (links.find((l) => l.attrs!.rel === 'alternate') ?? links[0]!).attrs!.href;
  }
  const published = atomDate(first(entry, 'published')) ?? atomDate(first(entry, 'updated'));
  if (published) item.pubDate = published;
  set(item, 'content', first(entry, 'content'));
  set(item, 'summary', first(entry, 'summary'));
  const id = first(entry, 'id');
  if (id) item.id = bare(id);
  if (published) item.isoDate = isoDate(published);
  return item;
}

/** rss-parser turns a non-empty `published` or `updated` into ISO 8601, and fails on one that is not a date. */
function atomDate(element: FeedElement | undefined): string | undefined {
  if (!element) return undefined;
  const value = bare(element);
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? giveUp() : date.toISOString();
}

function isoDate(value: string): string | undefined {
  const date = new Date(value.trim());
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function first(element: FeedElement, name: string): FeedElement | undefined {
  return element.children.find((c) => c.name === name);
}

function set(item: FeedItem, key: keyof FeedItem, element: FeedElement | undefined): void {
  if (element) (item as Record<string, unknown>)[key] = text(element);
}

/**
 * An element's text where rss-parser reads it with its text unwrapped (`_`). Where rss-parser would see an object
 * instead (attributes or child elements and no text), it rebuilds markup or passes the object on: not reproduced.
 */
function text(element: FeedElement): string {
  if ((!element.attrs && element.children.length === 0) || element.cdata || element.text.trim() !== '') return element.text;
  return giveUp();
}

/** An element's text where rss-parser reads the value as is: a string only without attributes and child elements. */
function bare(element: FeedElement): string {
  return !element.attrs && element.children.length === 0 ? element.text : giveUp();
}
