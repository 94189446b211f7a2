import { z } from 'zod';
import { adminRoles } from './admin.table.js';

export const minPasswordLength = 12;

/** The one rule for every password an admin chooses or is given. */
export const passwordSchema = z
  .string()
  .min(minPasswordLength, `Das Passwort muss mindestens ${minPasswordLength} Zeichen lang sein.`)
  .max(200, 'Das Passwort darf höchstens 200 Zeichen lang sein.');

export const newAdminSchema = z.object({
  email: z.email().max(254).transform((e) => e.toLowerCase()),
  role: z.enum(adminRoles).default('editor'),
  password: passwordSchema,
});

export const loginSchema = z.object({
  email: z.string().trim().max(254).transform((e) => e.toLowerCase()),
  password: z.string().max(200),
});
