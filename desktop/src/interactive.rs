//! The screening commands: the job-offer check, the ad analyzer, the self-check and the quiz.
//! Questions are asked one per line on standard input, so the commands work typed at a
//! terminal and piped from a file alike; the keys and labels accepted are the core's.

use std::io::{BufRead, Write};
use std::path::Path;

use serde::Serialize;
use waymark_core::{
    Answer, AnswerOption, OfferAnswer, OfferInput, QuizAnswer, QuizFeedbackView, QuizResultView,
    SelfCheckAnswer,
};

use crate::app::App;
use crate::error::Failure;
use crate::render;

/// Where interactive commands read answers and print questions.
pub(crate) struct Io<'a> {
    pub input: &'a mut dyn BufRead,
    pub output: &'a mut dyn Write,
    /// Standard error: for what must stay out of a screen saved to a file (a plan's
    /// passphrase, when the plan itself goes to the file).
    pub aside: &'a mut dyn Write,
    /// False with `--json`: only the final JSON is printed.
    pub prompts: bool,
    /// Standard input is a terminal: secrets are read without echo.
    pub terminal: bool,
    /// Standard output is a terminal, not a file or a pipe.
    pub output_terminal: bool,
}

/// What a line of input said.
enum Reply<T> {
    Given(T),
    /// An empty line: leave this one unanswered.
    Skipped,
    /// The input ended: ask nothing more.
    Ended,
}

impl Io<'_> {
    /// Prints `text` when prompting.
    pub(crate) fn say(&mut self, text: &str) -> Result<(), Failure> {
        if self.prompts {
            self.output
                .write_all(text.as_bytes())
                .and_then(|()| self.output.flush())
                .map_err(|err| Failure::other(format!("cannot write: {err}")))?;
        }
        Ok(())
    }

    /// Prints `text` on standard error, whatever the options.
    pub(crate) fn say_aside(&mut self, text: &str) -> Result<(), Failure> {
        self.aside
            .write_all(text.as_bytes())
            .and_then(|()| self.aside.flush())
            .map_err(|err| Failure::other(format!("cannot write: {err}")))
    }

    pub(crate) fn line(&mut self) -> Result<Option<String>, Failure> {
        let mut line = String::new();
        match self.input.read_line(&mut line) {
            Ok(0) => Ok(None),
            Ok(_) => Ok(Some(line.trim().to_owned())),
            Err(err) => Err(Failure::usage(format!("cannot read standard input: {err}"))),
        }
    }

    /// Asks until the line names one of `choices` (by key or label, in any case), is empty,
    /// or the input ends.
    fn choose<T: Copy>(
        &mut self,
        prompt: &str,
        choices: &[(String, String, T)],
    ) -> Result<Reply<T>, Failure> {
        loop {
            self.say(prompt)?;
            let Some(line) = self.line()? else {
                self.say("\n")?;
                return Ok(Reply::Ended);
            };
            // The answer's own line ends here whether or not the terminal echoed it.
            self.say("\n")?;
            if line.is_empty() {
                return Ok(Reply::Skipped);
            }
            let typed = line.to_lowercase();
            if let Some((_, _, value)) = choices.iter().find(|(key, label, _)| {
                typed == key.to_lowercase() || typed == label.to_lowercase()
            }) {
                return Ok(Reply::Given(*value));
            }
        }
    }
}

/// The prompt after a question: "[y/n/?] ", naming the core's keys.
fn keys_prompt<T>(choices: &[(String, String, T)]) -> String {
    let keys: Vec<&str> = choices.iter().map(|(key, _, _)| key.as_str()).collect();
    format!("[{}] ", keys.join("/"))
}

fn answer_choices(options: &[AnswerOption]) -> Vec<(String, String, Answer)> {
    options
        .iter()
        .map(|o| (o.key.clone(), o.label.clone(), o.answer))
        .collect()
}

/// The answers and feedback of one quiz, for `--json`.
#[derive(Serialize)]
struct QuizRun {
    feedback: Vec<QuizFeedbackView>,
    result: QuizResultView,
}

impl App<'_> {
    /// The red flags in an ad read from `path` ("-": standard input).
    pub(crate) fn analyze_ad(&self, path: &Path, io: &mut Io<'_>) -> Result<String, Failure> {
        let text = read_text(path, io)?;
        let view = self.core(self.waymark.analyze_ad(text))?;
        self.show(&view, || Ok(render::ad_analysis(&view, &self.ctx(None))))
    }

    /// The saved offers.
    pub(crate) fn offers(&self) -> Result<String, Failure> {
        let view = self.core(self.waymark.offers())?;
        self.show(&view, || Ok(render::offer_list(&view, &self.ctx(None))))
    }

    /// Asks for the offer's fields and answers, saves it and shows the result. Questions the
    /// ad in `ad` (a file) already answers are not asked.
    pub(crate) fn check_offer(
        &self,
        ad: Option<&Path>,
        io: &mut Io<'_>,
    ) -> Result<String, Failure> {
        let blank = self.core(self.waymark.offer_check_new())?;
        let ad_text = match ad {
            Some(path) if path.as_os_str() != "-" => Some(read_file(path)?),
            Some(_) => {
                return Err(Failure::usage(
                    "--ad: give a file; standard input holds the answers",
                ));
            }
            None => None,
        };
        let from_ad: Vec<OfferAnswer> = match &ad_text {
            Some(text) => self.core(self.waymark.analyze_ad(text.clone()))?.answers,
            None => Vec::new(),
        };
        let s = self.style;
        io.say(&render::wrap_text(&s.title(&blank.title)))?;
        io.say(&render::wrap_text(&blank.intro))?;
        io.say("\n")?;
        let labels = &blank.field_labels;
        let mut fields = Vec::new();
        for label in [
            &labels.title,
            &labels.employer,
            &labels.country,
            &labels.notes,
        ] {
            io.say(&format!("{label}: "))?;
            fields.push(io.line()?.unwrap_or_default());
            io.say("\n")?;
        }
        let choices = answer_choices(&blank.answer_options);
        let mut answers = Vec::new();
        for question in &blank.questions {
            if from_ad.iter().any(|a| a.question_id == question.id) {
                continue;
            }
            io.say("\n")?;
            io.say(&render::question(
                question.number,
                &question.text,
                Some((&blank.why_label, &question.why)),
                &self.ctx(None),
            ))?;
            match io.choose(&keys_prompt(&choices), &choices)? {
                Reply::Given(answer) => answers.push(OfferAnswer {
                    question_id: question.id.clone(),
                    answer,
                }),
                Reply::Skipped => {}
                Reply::Ended => break,
            }
        }
        io.say("\n")?;
        let [title, employer, country, notes] =
            <[String; 4]>::try_from(fields).map_err(|_| Failure::other("four fields expected"))?;
        let input = OfferInput {
            title,
            employer,
            country,
            notes,
            answers,
            ad_text,
        };
        let view = self.core(self.waymark.offer_save(None, input, self.settings.now))?;
        self.show(&view, || Ok(render::offer_result(&view, &self.ctx(None))))
    }

    /// Asks the self-check's questions and shows where the answers lead.
    pub(crate) fn self_check(&self, io: &mut Io<'_>) -> Result<String, Failure> {
        let check = self.core(self.waymark.self_check())?;
        let ctx = self.ctx(None);
        io.say(&render::self_check_header(&check, &ctx))?;
        let choices = answer_choices(&check.answer_options);
        let mut answers = Vec::new();
        for question in &check.questions {
            io.say("\n")?;
            io.say(&render::question(
                question.number,
                &question.text,
                None,
                &ctx,
            ))?;
            match io.choose(&keys_prompt(&choices), &choices)? {
                Reply::Given(answer) => answers.push(SelfCheckAnswer {
                    question_id: question.id.clone(),
                    answer,
                }),
                Reply::Skipped => {}
                Reply::Ended => break,
            }
        }
        io.say("\n")?;
        let result = self.core(self.waymark.self_check_result(answers))?;
        self.show(&result, || Ok(render::self_check_result(&result, &ctx)))
    }

    /// Asks each statement, explains it at once, then scores the quiz and keeps the best.
    pub(crate) fn quiz(&self, io: &mut Io<'_>) -> Result<String, Failure> {
        let quiz = self.core(self.waymark.quiz())?;
        let ctx = self.ctx(None);
        io.say(&render::quiz_header(&quiz, &ctx))?;
        let choices: Vec<(String, String, bool)> = quiz
            .options
            .iter()
            .map(|o| (o.key.clone(), o.label.clone(), o.value))
            .collect();
        let mut answers = Vec::new();
        let mut feedback = Vec::new();
        for statement in &quiz.statements {
            io.say("\n")?;
            io.say(&render::question(
                statement.number,
                &statement.statement,
                None,
                &ctx,
            ))?;
            let answer = loop {
                match io.choose(&keys_prompt(&choices), &choices)? {
                    Reply::Given(answer) => break Some(answer),
                    // Every statement needs an answer; an empty line asks again.
                    Reply::Skipped => continue,
                    Reply::Ended => break None,
                }
            };
            let Some(answer) = answer else { break };
            let view = self.core(self.waymark.quiz_answer(statement.id.clone(), answer))?;
            io.say(&render::quiz_feedback(&view, &ctx))?;
            answers.push(QuizAnswer {
                statement_id: statement.id.clone(),
                answer,
            });
            feedback.push(view);
        }
        io.say("\n")?;
        let result = self.core(self.waymark.quiz_finish(answers, self.settings.now))?;
        let run = QuizRun { feedback, result };
        self.show(&run, || Ok(render::quiz_result(&run.result, &ctx)))
    }
}

/// The text of `path`, or all of standard input for "-".
fn read_text(path: &Path, io: &mut Io<'_>) -> Result<String, Failure> {
    if path.as_os_str() == "-" {
        let mut text = String::new();
        io.input
            .read_to_string(&mut text)
            .map_err(|err| Failure::usage(format!("cannot read standard input: {err}")))?;
        Ok(text)
    } else {
        read_file(path)
    }
}

fn read_file(path: &Path) -> Result<String, Failure> {
    std::fs::read_to_string(path)
        .map_err(|err| Failure::usage(format!("cannot read {}: {err}", path.display())))
}
