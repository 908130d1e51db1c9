import { create } from 'zustand';
import type { FormProblem, PromotionForm } from './promotion-editing';

/**
 * The promotion being written, kept outside the panel: a manager who steps to another tab, or
 * whose save found the server unreachable, finds the form as they left it.
 */
interface PromotionDraftState {
  form: PromotionForm | null;
  problem: FormProblem | null;
  setForm: (form: PromotionForm | null) => void;
  setProblem: (problem: FormProblem | null) => void;
}

export const usePromotionDraft = create<PromotionDraftState>()((set) => ({
  form: null,
  problem: null,
  setForm: (form) => set({ form }),
  setProblem: (problem) => set({ problem }),
}));
