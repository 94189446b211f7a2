import { z } from 'zod';

// Only the parts of CSAF 2.0 that fetching needs; the documents themselves are stored as fetched.

const feedRef = z.object({ tlp_label: z.string(), url: z.string() });

/** `/.well-known/csaf/provider-metadata.json` */
export const providerMetadataSchema = z.object({
  metadata_version: z.string().optional(),
  distributions: z
    .array(z.object({ directory_url: z.string().optional(), rolie: z.object({ feeds: z.array(feedRef) }).optional() }))
    .default([]),
});

const rolieLink = z.object({ rel: z.string().optional(), href: z.string() });

/** A ROLIE feed of CSAF documents (one entry per document, `updated` is its current release). */
export const rolieFeedSchema = z.object({
  feed: z.object({
    entry: z
      .array(
        z.object({
          id: z.string().min(1),
          updated: z.string().optional(),
          published: z.string().optional(),
          link: z.array(rolieLink).default([]),
          content: z.object({ src: z.string().optional() }).optional(),
        }),
      )
      .default([]),
  }),
});

/** The fields a stored CSAF notice is built from. */
export const csafDocumentSchema = z.object({
  document: z.object({
    csaf_version: z.string(),
    title: z.string().trim().min(1),
    tracking: z.object({
      id: z.string().trim().min(1),
      version: z.string().optional(),
      current_release_date: z.string(),
    }),
  }),
});

/** TLP:WHITE in CSAF 2.0, TLP:CLEAR in newer documents: both may be fetched without an account. */
export const publicTlp = (label: string) => ['WHITE', 'CLEAR'].includes(label.trim().toUpperCase());
