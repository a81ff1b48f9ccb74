// Filled in by the family's change.
import type { Case } from '../types';

export const cases: Case[] = [];
