// Detects one review's language and then has nothing left to do: the process must end on its own (a job, a
// CLI command or a benchmark that used language detection must not hang on the idle detection worker).
import { detectReviewLanguages } from "../../lib/data/reviews/language";

const [language] = await detectReviewLanguages([{ title: "Stürzt ab", body: "Seit dem Update stürzt die App beim Start ab.", countryCode: "de" }]);
console.log(language);
