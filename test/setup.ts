// Shared test setup: jest-dom matchers for React view tests.
import '@testing-library/jest-dom/vitest';
