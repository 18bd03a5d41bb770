import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** One wink-nlp instance per process: the model takes tens of milliseconds and megabytes to load. */
export const nlp = winkNLP(model, ['pos']);
export const its = nlp.its;
