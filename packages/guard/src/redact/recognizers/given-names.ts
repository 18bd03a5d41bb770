/**
* Common given names (lower case), hand-written: English, German, French, Spanish, Italian, Portuguese and common
* international ones (Arabic, South and East Asian, African, Turkish, Slavic, Nordic, Dutch). Names that are also
* ordinary words, months, places or brands in one of the six languages ("will", "may", "rosa", "austin", "alexa",
* "mia", "can", "jan", "ella", "lee", "nell", "anders") are left out on purpose: the lexicon path has no other context to tell them apart.
* Read by `person-lexicon.ts`; hyphenated names are looked up by their first part.
*/
export const GIVEN_NAMES: readonly string[] = `
aaron abdul abdullah abigail achim adam adebayo adele adelheid aditya adolf adrian adriana adrien adrienne adèle
afonso agathe agnes agnieszka agustín ahmad ahmed ahmet aidan aiden aimée aisha aitana akira alain alan alana
alasdair albane albert alberto albrecht alec alejandra alejandro alessandra alessandro alessia alessio alex
alexander alexandra alexandre alexei alexey alexis alfie alfonso alfred ali alice alicia aline alison allan allison
alyssa amaia amanda amandine amara amelia amina amir amira amit amy amélie ana anand ananya anastasia anaïs
andrea andreas andrei andrew andrey andré andrés andy angela angelo angie angus anil anita anja anjali anke ann anna
annabel annabelle annalisa anne anne-marie annegret anneliese annette annick annie annika anouk anthony antje
antoine antonella antonia antonio antónio antônio aoife arantxa archie ariadna arianna arjun arlo armin arnaud arne
arnold arthur artur arun asha ashley ashok astrid aubrey audrey aurelie aurélie aurélien ava axel axelle ayesha
ayodele ayşe baptiste barbara barry basile bastian bastien beate beatrice beatriz becky begoña belinda ben benedetta
benedict benedikt benjamin benoît bernadette bernard bernardo bernd bernhard berta bertrand beth bethany bettina
betty beverly bianca bilal billy birgit björn bodo bonnie borja brad bradley bram brandon brenda brendan brett brian
bridget brigitte bronwen bruce bruna bruno bryan burak burkhard bärbel caio caitlin caleb callum calvin cameron
camila camilla camille candice capucine carina carl carla carlo carlos carly carmen carol carola carole carolina
caroline carolyn carrie carsten carys casey cassandra catalina catarina caterina catherine cathy cayetana cecilia
celia cem cerys cesare chantal charles charlie charlotte chen cheryl chiara chidi chinedu chloe chloé chris christa
christel christelle christian christiane christina christine christoph christophe christopher ciara ciaran cindy
claire clara clarissa clarisse claude claudia claudio clifford cláudia clémence clément colette colin connor conor
coralie corentin cormac cornelia courtney craig cristian cristiano cristina cristóbal cynthia cyril cyrille cécile
céline césar daan dafydd dagmar damian damien dan dana daniel daniela daniele danielle danny daria dario darren
darya daryl dave david davide debbie debora deborah declan deepak deepika delphine denis denise dennis derek desmond
detlef diana diane didier diego dieter dietmar dietrich diogo dirk divya dmitri dmitry dominique donald donatella
donna doris dorothy douglas duarte dylan dörte ebba ece edeltraud edgar edith edmund eduarda eduardo edward edwin
egon eike eileen ekaterina elaine eleanor elena elfriede eli elif elijah elisa elisabeth elisabetta elise eliza
elizabeth elke ellen ellie elliot elliott elodie eloise elsa elsie emanuele emeka emil emilio emily emine emma
emmanuel emmanuelle emre enrico enrique enzo eoin eric erica erich erik erin ernest ernesto erwin esteban estefanía
estelle esther ethan ethel ettore eugene eugenia eugénie eva evan evelyn evie ewa ewald ewan ezra fabian fabien
fabienne fabio fabrice fabrizio fanny farah farid fatima fatma federica federico felicity felipe felix femke fergus
fernanda fernando ffion filipa filipe filippo finley finn fiona flavio florent florian folake francesca francesco
francis francisca francisco franco franz franziska françois françoise freddie freddy frederick freja freya frida
frieda friedrich fritz frédéric frédérique fábio gabi gabriel gabriela gabriele gabriella gaia gail ganesh gareth
gary gavin gaël gaëlle gaëtan gemma geneviève geoffrey georg george georges georgina gerald geraldine gerard gerardo
gerda gerhard gerlinde germain gernot gertrud gethin ghislaine giacomo gianluca gianmarco gianni gilbert giles
gilles gillian gina giorgia giorgio giovanna giovanni gisela giulia giulio giuseppe giuseppina gonzalo gonçalo
gordon gottfried graham grainne greg gregor gregorio gregory greta grégoire gudrun guido guilherme guillaume
guillermo gunter gustav gustave gustavo gwen gérald gérard günter günther hakan hamish hamza hanna hannah hannelore
hans hans-peter hansjörg hao harald harold harper harriet harrison harry hartmut haruka haruto harvey hassan hayley
hedwig heidi heike heiko heiner heinrich heinz helen helena helga helmut helmuth henri henrik henrique henry herbert
hermann hervé hilde hildegard hiro hiroshi holger horst howard hubert hugh hugo hugues hussein huw héctor hélène
iain ian ibrahim ignacio iker ilaria ilse imogen imran ina ines inge ingeborg ingo ingrid inès inés inês irene irina
irmgard irène isaac isabel isabela isabella isabelle isha isla ismael isobel ivan jacob jacqueline jacques jaime
jake jakub jamal james jamie jane janet janice janina jannik jared jasmine jason jasper javier jean jean-luc
jean-marc jean-pierre jeanne jeffrey jenna jennifer jenny jens jeremy jerome jess jesse jessica jill jimena jing
joachim joan joana joanna joanne joaquín jochen jodie joe joel johan johann johanna johannes john johnny jon jonah
jonas jonathan joost jordan jorge josef josefa joseph josephine josette josh joshua josé joyce joão joël joëlle juan
juana judith judy julia julian juliana julie julien juliet juliette julio julián justin justine jutta jérémie jérôme
jörg júlia jürgen kabir kacper kaito karen karim karin karl karl-heinz karla karsten katarzyna kate katharina
katherine kathleen kathrin kathryn katie katja katrin katy kavya keiko keith kelly kelsey ken kenji kenneth kenzie
kerem kerry kerstin kevin khalid kieran kim kimberly kiran kirsty kitty klaus kofi konrad kornelia kristin krzysztof
ksenia kurt kwame kyle lachlan laetitia lakshmi larissa larry lars laura lauren laurence laurent lawrence layla leah
leila leire lena leni lennart leon leonard leonardo leonie leonor lerato lesley leslie letícia liam lieke linda
lindsay linnea lionel lisa liv logan lorena lorenzo lorna lothar lotte louis louisa louise loïc luc luca lucas lucia
luciano lucie lucien lucille lucy lucía ludovic luigi luis luisa luise luiz lukas lukasz luke lutz luuk luísa lydia
lynn léa léo léon léonie maartje madalena maddie madeleine madeline magdalena maggie magnus mahmoud maik mairi maja
malcolm manfred manoj manon manuel manuela marc marcel marcello marcelo marco marcos marcus mareike marek margaret
margarete margarida margarita margaux margherita margit marguerite maria mariam marian mariana mariangela marianne
mariano marie marie-claire marilyn mario marion marius marjorie markus marlene marta martha martin martina martine
martín mary maryam maría massimo mateo mateus matheus mathias mathieu mathilde matilda matilde matteo matthew
matthias matthieu mattia maureen maurice maurizio maxime maximilian maël maëlle małgorzata meera megan mehmet mei
meike melanie melissa merve michael michaela michał michel michela michele micheline michelle michèle miguel mikael
mikhail mila mildred ming mireille mirko mohamed mohammad mohammed molly monica monika monique morag morgane moritz
muhammad murat mustafa mylène mélanie mónica nadia nadine nancy naoko naomi nasser natalia natalie natalya natasha
nathalie nathan nathaniel naveen neha neil nerea ngozi nia niamh nicholas nicola nicolas nicole nicoletta
nicolás nigel nikhil niklas nikolai nikolay nils nisha noah noelia noemi noor nora norah norbert noémie nuno nuria
océane odette odile oksana olaf ole olga oliver olivia olivier oluwaseun omar orla ortrud oscar ottilie owain owen
pablo paco padraig paloma pamela paola paolo pascale pat patrice patricia patrick patrizia patrícia paul paula
paulette pauline paulo pawel paweł pedro pepe peter petra philip philipp philippe phillip phoebe phyllis pierre
pierre-yves pieter pietro piotr piper polina polly pooja prakash preeti priya priyanka quentin rachel rafael rafaela
raffaele raffaella rahul rainer raj rajesh ralf ralph ramesh ramón raphaël raquel ravi raymond raúl rebecca rebekah
reggie reinhard reinhold rekha renata renate renato rené renée reto rhiannon rhys ricardo riccardo richard rick
ricky rita robert roberta roberto robin rocco rocío rodney rodrigo roger rohan roland rolf romain ronald ronan rory
rosanna rosemarie rosie ross roy rubén rui rupert russell ruth ryan régis rémi rüdiger sabine sabrina sacha sahil
sakura sally salvatore samantha sameer samir samuel samuele sander sandra sandrine sandro sanjay sanne saoirse sara
sarah sascha satoshi scott seamus sean sebastian sebastião selin serge sergei sergey sergio serkan shane sharon
sheila shirley shreya sian siegfried sigrid silke silvia simon simona simone simão sinead siobhan sipho sofia sofía
solène sonja sophia sophie stacey stanley stefan stefania stefanie stefano steffen stella steph stephan stephanie
stephen steve steven stuart stéphane stéphanie sunil sunita suresh susan susana susanne suzanne sven svenja svetlana
swen sylvain sylvia sylvie szymon sébastien sérgio sílvia takeshi tamara tanja tanya tariq tatiana terence teresa
terry tess thabo themba theo theodore theresa thiago thibault thibaut thierry thijs thilo thomas thorsten thérèse
tiago tilo tim timo timothy timothée tina tobias toby todd tom tomasz tommaso tommy tomás tony torsten tracey tracy
trevor tristan tunde tyler udo ulf ulla ulrich ulrike ursula usman ute uwe valentin valentina valerie valerio
valérie vanesa vanessa vasco verena vernon veronica verónica vicente vicky victor vijay vikram viktor vincent
vincenzo vinícius virginie vittorio vivian vladimir volker véronique víctor vítor walburga walter waltraud wayne wei
wendy werner wesley wilhelm willi william wilma winfried wojciech wolfgang ximena xin yann yannick yasmin yasmine
yelena ying yolanda yui yuki yuko yuna yuri yusuf yves yvette yvonne zachary zainab zeynep zoe zoey zofia zoé zuri
zé álvaro ángel ángela édouard élise élodie éloïse émile émilie éric étienne óscar ömer łukasz
`
.split(/\s+/)
.filter(Boolean);
