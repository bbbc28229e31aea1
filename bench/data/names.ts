/**
 * Names as they turn up on a UK partnership's record, most common first (after ONS birth
 * registrations and surname counts): the order gives the weight, so "Smith" is common and
 * "Núñez" rare. Variant spellings (Jon, Steven, Smyth, Thomson, Mohammad) and accented names sit
 * in the lists on purpose: search has to find them from the plain spelling.
 */

export const maleFirstNames = `
John David Michael Paul James Mark Robert Andrew Richard Peter Christopher Stephen Daniel Thomas
Jack Matthew William Anthony Steven Kevin Gary Ian Simon Jamie Lee Craig Darren Wayne Dean Scott
Oliver George Harry Joshua Ryan Liam Connor Callum Kyle Jordan Luke Lewis Jake Nathan Aaron Adam
Muhammad Mohammed Mohammad Alfie Charlie Noah Jacob Oscar Leo Archie Freddie Henry Ethan Isaac
Alexander Joseph Edward Samuel Max Arthur Lucas Logan Theo Harrison Benjamin Mason Sebastian
Finley Dylan Riley Toby Elijah Reuben Tyler Brian Alan Colin Keith Graham Neil Stuart Martin
Philip Phillip Barry Terry Kenneth Ronald Dennis Roy Frank Albert Stanley Leonard Harold Raymond
Derek Trevor Jon Jonathan Sean Shaun Bradley Reece Rhys Owen Gareth Dafydd Ewan Hamish Declan
Ciaran Patrick Kieran Niall Jayden Kai Tyrone Delroy Kwame Emmanuel Tariq Imran Ali Hassan Omar
Bilal Amir Arjun Rohan Rajesh Sanjay Vikram Harjit Piotr Tomasz Jakub Krzysztof Andrei Mihai
Florin Dariusz José Luis Stefan Ahmed Abdul Yusuf Ibrahim Kofi Jermaine Marcus Carl Ross Grant
`.trim().split(/\s+/);

export const femaleFirstNames = `
Sarah Emma Claire Laura Lisa Nicola Karen Michelle Rebecca Amy Louise Rachel Joanne Helen Kelly
Gemma Susan Julie Tracey Tracy Donna Dawn Jacqueline Deborah Amanda Angela Alison Elaine Lorraine
Sharon Janet Christine Patricia Margaret Linda Barbara Jean Sandra Carol Pauline Mary Elizabeth
Jessica Hannah Lauren Megan Chloe Sophie Charlotte Katie Jade Danielle Natalie Stacey Leanne
Victoria Kirsty Shannon Chelsea Courtney Paige Bethany Holly Zoe Olivia Amelia Isla Ava Mia Ivy
Lily Isabella Rosie Sophia Grace Freya Willow Florence Emily Ella Poppy Evie Elsie Evelyn Sienna
Sofia Daisy Phoebe Alice Harper Matilda Ruby Emilia Maya Millie Isabelle Layla Catherine Kathryn
Katherine Kathleen Anne Ann Jane Brenda Doreen Joan Irene Dorothy Betty Siobhan Aoife Niamh
Ciara Sinead Bronwen Cerys Seren Rhiannon Ffion Aisha Fatima Ayesha Zainab Maryam Amina Nadia
Samina Shabnam Priya Anjali Sunita Harpreet Kiran Simran Agnieszka Katarzyna Magdalena Joanna
Ioana Elena Maria Ana Chloé Zoë Renée Anaïs Inés Ngozi Chantelle Shanice Tanisha Abena Kayleigh
`.trim().split(/\s+/);

export const lastNames = `
Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Robinson Thompson
Wright Walker White Edwards Hughes Green Hall Lewis Harris Clarke Patel Jackson Wood Turner Martin
Cooper Hill Ward Morris Moore Clark Lee King Baker Harrison Morgan Allen James Scott Phillips
Watson Davis Parker Price Bennett Young Griffiths Mitchell Kelly Cook Carter Richardson Bailey
Collins Bell Shaw Murphy Miller Cox Richards Khan Marshall Anderson Simpson Ellis Adams Singh
Begum Wilkinson Foster Chapman Powell Webb Rogers Gray Mason Ali Hunt Hussain Campbell Matthews
Owen Palmer Holmes Mills Barnes Knight Lloyd Butler Russell Barker Fisher Stevens Jenkins Murray
Dixon Harvey Graham Pearson Ahmed Fletcher Walsh Kaur Gibson Howard Andrews Stewart Elliott
Reynolds Saunders Payne Fox Ford Pearce Day Brooks West Lawrence Cole Atkinson Bradley Spencer
Gill Dawson Ball Burton O'Brien Watts Rose Booth Perry Ryan Grant Wells Armstrong Francis Rees
Hayes Hart Hudson Newman Barrett Webster Hunter Gregory Carr Lowe Page Marsh Riley Dunn Woods
Parsons Berry Stone Reid Holland Hawkins Harding Porter Robertson Newton Oliver Reed Kennedy
Williamson Bird Gardner Shah Dean Lane Cooke Bates Henderson Parry Burgess Bishop Walton Burns
Nicholson Shepherd Ross Cross Long Freeman Warren Nicholls Hamilton Byrne Sutton McDonald Yates
Hodgson Robson Curtis Hopkins O'Connor Harper Coleman Watkins Moss McCarthy Chambers O'Neill
Griffin Sharp Hardy Wheeler Potter Osborne Johnston Gordon Doyle Wallace George Jordan Hutchinson
Rowe Burke May Pritchard Gilbert Willis Higgins Read Miles Stevenson Stephenson Hammond Arnold
Buckley Walters Hewitt Barber Nelson Slater Austin Sullivan Whitehead Mann Frost Lambert Stephens
Blake Akhtar Lynch Goodwin Barton Woodward Thomson Cunningham Quinn Barnett Baxter Bibi Clayton
Nash Greenwood Jennings Holt Kemp Poole Gallagher Bond Stokes Tucker Davidson Fowler Heath Norman
Middleton Lawson Banks French Stanley Jarvis Gibbs Ferguson Hayward Carroll Douglas Dickinson Todd
Barlow Peters Lucas Knowles Hartley Miah Simmons Morton Alexander Field Morrison Norris Townsend
Preston Hancock Thornton Baldwin Burrows Briggs Storey Pope Nowak Kowalski Wiśniewski Popescu
Okafor Mensah Asante Adeyemi Chowdhury Rahman Islam Uddin Iqbal Malik Mahmood Sharma Gupta Mistry
Chauhan Nguyen Wong Chen Smyth Müller Núñez
`.trim().split(/\s+/);

/**
 * A pool of exactly `size` entries in which each name appears in proportion to a Zipf weight by
 * its rank, so that a uniform pick from the pool is a weighted pick of a name. Every name
 * appears at least once; rounding is made up at the common end.
 */
export function weightedPool(names: readonly string[], size: number): string[] {
  const weights = names.map((_, rank) => 1 / Math.pow(rank + 3, 0.9));
  const total = weights.reduce((a, b) => a + b, 0);
  const pool = names.flatMap((name, i) => Array<string>(Math.max(1, Math.round((weights[i]! / total) * size))).fill(name));
  while (pool.length < size) pool.unshift(names[0]!);
  return pool.slice(pool.length - size);
}
