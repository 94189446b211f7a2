import { z } from 'zod';

// Only the parts of CSAF 2.0 that praxiswarn reads; everything else in a document passes untouched.
export type CsafBranch = {
  category: string;
  name: string;
  product?: { name: string; product_id: string } | undefined;
  branches?: CsafBranch[] | undefined;
};

const branchSchema: z.ZodType<CsafBranch> = z.lazy(() =>
  z.object({
    category: z.string(),
    name: z.string(),
    product: z.object({ name: z.string(), product_id: z.string() }).optional(),
    branches: z.array(branchSchema).optional(),
  }),
);

const noteSchema = z.object({ category: z.string(), text: z.string(), title: z.string().optional() });

const cvssSchema = z.object({ baseScore: z.number().min(0).max(10), vectorString: z.string().optional().catch(undefined) });

export const csafSchema = z.object({
  document: z.object({
    csaf_version: z.string(),
    category: z.string().optional(),
    title: z.string().min(1),
    lang: z.string().optional(),
    aggregate_severity: z.object({ text: z.string() }).optional(),
    notes: z.array(noteSchema).optional(),
    publisher: z.object({ name: z.string() }).optional(),
    // Read for the editor's summary only: a malformed list must not make the document unreadable.
    references: z.array(z.object({ category: z.string().optional(), summary: z.string().optional(), url: z.string() })).optional().catch(undefined),
    tracking: z.object({
      id: z.string(),
      current_release_date: z.string(),
      initial_release_date: z.string().optional(),
      version: z.string().optional(),
      revision_history: z.array(z.object({ number: z.string(), date: z.string(), summary: z.string().optional() })).optional(),
    }),
  }),
  product_tree: z.object({ branches: z.array(branchSchema).optional() }).optional(),
  vulnerabilities: z
    .array(
      z.object({
        cve: z.string().optional(),
        title: z.string().optional(),
        notes: z.array(noteSchema).optional(),
        product_status: z.record(z.string(), z.array(z.string())).optional(),
        remediations: z
          .array(z.object({ category: z.string(), details: z.string().optional(), product_ids: z.array(z.string()).optional(), url: z.string().optional().catch(undefined) }))
          .optional(),
        scores: z.array(z.object({ cvss_v3: cvssSchema.optional(), cvss_v2: cvssSchema.optional() })).optional(),
      }),
    )
    .optional(),
});

export type CsafDocument = z.infer<typeof csafSchema>;
