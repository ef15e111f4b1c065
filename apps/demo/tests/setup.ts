// Run before every test file (vitest setupFiles): the folders a file made with tempDir go when it ends.
import { afterAll } from 'vitest';
import { removeTempDirs } from './helpers';

afterAll(() => removeTempDirs());
