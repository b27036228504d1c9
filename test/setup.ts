import { describe, it } from 'vitest';
import { RuleTester } from '../src/engine/rule-tester.js';

// Rule tests register their cases through vitest.
RuleTester.describe = describe;
RuleTester.it = it;
