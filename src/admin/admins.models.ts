import { z } from 'zod';
import { adminRoles } from './admin.table.js';

export const newAdminSchema = z.object({
  email: z.email().max(254).transform((e) => e.toLowerCase()),
  role: z.enum(adminRoles).default('editor'),
  password: z.string().min(12, 'Das Passwort muss mindestens 12 Zeichen lang sein.').max(200),
});

export const loginSchema = z.object({
  email: z.string().trim().max(254).transform((e) => e.toLowerCase()),
  password: z.string().max(200),
});
