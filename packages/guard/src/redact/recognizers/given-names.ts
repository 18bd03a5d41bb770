/**
* Common given names (lower case), hand-written: English, German, French, Spanish, Italian, Portuguese and common
* international ones (Arabic, South and East Asian, African, Turkish, Slavic, Nordic, Dutch). Names that are also
* ordinary words, months, places or brands in one of the six languages ("will", "may", "rosa", "austin", "alexa",
* "mia", "can", "jan", "ella", "lee", "nell", "anders") are left out on purpose: the lexicon path has no other context to tell them apart.
* Read by `person-lexicon.ts`; hyphenated names are looked up by their first part.
*/
export const GIVEN_NAMES: readonly string[] = `
aaron abby abdi abdul abdullah abebe abena abhishek abigail abiodun achim adaeze adam adebayo adele adelheid adeola
aditya adnan adolf adrian adriana adrien adrienne adèle afia afonso agata agathe agnes agneta agnieszka agustín
ahmad ahmed ahmet aidan aiden aiko aileen ailsa aimée aino aisha aitana akash akira akosua alain alan alana alasdair
albane albert alberto albrecht alec alejandra alejandro aleksander aleksandra alenka alessandra alessandro alessia
alessio alex alexander alexandra alexandre alexei alexey alexis alfie alfonso alfred alfredo alhassan ali alice
alicia alina aline alisha alison alistair allan allison alma alonso alvaro alyssa amadou amaia amal amanda amandine
amani amara ambrose amelia amelie amina amir amira amit amy amélie ana anand ananya anastasia anastasios anaïs
andile andrea andreas andreea andrei andrew andrey andré andrés andy angela angelo angie angus anika anil anita anja
anjali anke ann anna annabel annabelle annalisa anne anne-marie annegret anneliese annette annick annie annika
anouar anouk anselm anthony antje antoine anton antonella antonia antonio antónio antônio aoife arantxa archibald
archie ariadna ariana arianna arjun arlo armin arnaud arnav arne arnold arthur artur arun aryan asha ashley ashok
asif aslan astrid atsuko aubree aubrey audrey aurelie aurelio aurélie aurélien ava axel axelle ayaan ayesha ayodele
ayumi ayşe azadeh babajide baptiste baraka barbara barnaby barry bashir basia basile bastian bastien beate beatrice
beatrix beatriz becky begoña belinda ben bence benedetta benedict benedikt benjamin benoit benoît bernadette bernard
bernardo bernd bernhard bernice berta bertrand beth bethany bettina betty beverly bhavesh bianca bilal billy birgit
björn bodo bogdan bonnie boris borja brad bradley bram brandon branislav brenda brendan brenna brett brian bridget
bridie brigitte bronwen bruce bruna bruno bryan bryony burak burkhard bushra bärbel caio caitlin caitriona caleb
callum calvin cameron camila camilla camille candela candice capucine carina carl carla carlo carlos carly carmel
carmela carmen carol carola carole caroline carolyn carrie carsten carys casey cassandra catalina catarina
caterina cathal catherine cathy cayetana cecilia cecily celia cem cerys cesare chantal charlene charles charlie
charlotte chen cheryl chiara chidi chidinma chinedu chinonso chinwe chioma chloe chloé chris christa christel
christelle christiane christian christina christine christoph christophe christopher cian ciara ciaran cindy claire
clara clarissa clarisse claude claudia claudio clementine clifford clodagh cláudia clémence clément colette colin
colm conall connor conor cora coralie cordelia corentin cormac cornelia cosima courtney craig cristian cristiano
cristina cristóbal cynthia cyril cyrille cécile céline césar daan dafydd dagmar dagny damian damien damla dan dana
daniel daniela daniele danielle danny daria dario darius dariusz darnell darren darya daryl dave david davide dawit
debbie debora deborah declan deepa deepak deepika dejan delphine demetrius denis denise dennis derek desiree desmond
detlef devika dhruv diana diane didier diego dieter dietmar dietrich dimitri dimitris diogo dirk divya dmitri dmitry
dmytro dominic dominique donald donatella donna doris dorota dorothy dougal douglas duarte duncan dylan dzmitry
dörte ebba ebony ece edeltraud edgar edith edmund eduarda eduardo edward edwin efua egon eike eileen eilidh
ekaterina ekow elaine eleanor elena elfriede eli elif elijah elin elisa elisabeth elisabetta elise eliska eliza
elizabeth elke ellen ellie elliot elliott elodie eloise elsa elsie elspeth emanuele emeka emil emilio emily
emine emma emmanuel emmanuelle emre eneko enid enrico enrique enzo eoin eric erica erich erik erin ernest ernestine
ernesto erwin esme esra esteban estefanía estelle esther ethan ethel ettore euan eugene eugenia eugénie eva evan
evelyn evie ewa ewald ewan ewelina ezra fabian fabien fabienne fabio fabrice fabrizio faisal fanny farah farhan
farid farida fatima fatma fatou federica federico felicity felipe felix femke feng fenna fergus fernanda fernando
ffion fiadh filip filipa filipe filippo finley finn fiona fionn flavio florent florian florin flynn folake folasade
francesca francesco francis francisca francisco franco frankie franz franziska françois françoise freddie freddy
frederick freja freya frida frieda friedrich fritz frédéric frédérique fábio gabi gabor gabriel gabriela gabriele
gabriella gaia gail ganesh gareth gary gaurav gavin gaël gaëlle gaëtan gemma geneviève geoffrey georg george georges
georgina gerald geraldine gerard gerardo gerda gerhard gerlinde germain gernot gertrud gethin ghada ghislaine
giacomo gianluca gianmarco gianni gideon gilbert giles gilles gillian gina gintaras giorgia giorgio giorgos giovanna
giovanni gisela giulia giulio giuseppe giuseppina gleb gonzalo gonçalo goran gordon gottfried graham grainne greg
gregor gregorio gregory greta gretchen grzegorz grégoire gudrun guido guilherme guillaume guillermo gulnara gunnar
gunter gustav gustave gustavo gwen gérald gérard günter günther habib hadiza hakan hakim halima hamid hamish hamza
hanna hannah hannelore hans hans-peter hansjörg hao harald harold harper harriet harrison harry hartmut haruka
haruki haruto harvey hasan hassan hayley heba hedwig heidi heike heiko heiner heinrich heinz helen helena helga
helmut helmuth hemant hendrik henri henrietta henrik henrique henry herbert hermann hervé hilde hildegard hiro
hiroko hiroshi hoang holger horace horst howard hubert hugh hugo hugues hussain hussein huw héctor hélène iain ian
ibrahim ifeoma ignacio ignacy ikechukwu iker ilaria ilias ilse imani imogen imran ina indira ines inge ingeborg ingo
ingram ingrid inès inés inês ioana ioannis irena irene irfan irina irmgard irène isaac isabel isabela isabella
isabelle isadora isha isidro isla ismael isobel ivan ivo iwona jacob jacqueline jacques jadwiga jaime jake jakob
jakub jamal james jamie jamila jane janet janice janina jannik janusz jared jaroslav jasmine jason jasper jaswinder
javier jean jean-luc jean-marc jean-pierre jeanne jeffrey jelena jemima jenna jennifer jenny jens jeremy jerome jess
jesse jessica jevgenij jiho jill jimena jing jiwon joachim joan joana joanna joanne joaquim joaquín jocelyn jochen
jodie joe joel johan johann johanna johannes john johnny jolanta jomo jon jonah jonas jonathan joost jordan jorge
josef josefa joseph josephine josette josh joshua josé jovana joyce joão joël joëlle juan juana judith judy juho
julia julian juliana julie julien juliet juliette julio julián jurgen justin justine jutta jérémie jérôme jörg júlia
jürgen kabir kacey kacper kaito kamal kamala kamil karen karim karin karl karl-heinz karla karsten katarzyna kate
katharina katherine kathleen kathrin kathryn katie katja katrin katy kaveh kavya kayode kazuki keiko keith kelly
kelsey kemal ken kendra kenji kenneth kenta kenzie kerem kerry kerstin kevin khadija khalid kieran kim kimberly
kiran kirsty kitty klara klaus kofi konrad kornelia kostas kristin kristof krisztina krzysztof ksenia kunal kurt
kwabena kwame kyle lachlan laetitia lakshmi larissa larry lars laszlo laura lauren laurence laurent lawrence layla
leah leandro leila leire lejla lena leni lenka lennart leon leonard leonardo leonie leonor leopold lerato lesley
leslie letícia liam lieke liesbeth linda lindsay linh linnea lionel lisa liv logan lorcan lorena lorenzo lorna
lothar lotte louis louisa louise loïc luc luca lucas lucia luciano lucie lucien lucija lucille lucinda lucy lucía
ludmila ludovic luigi luis luisa luise luiz lukas lukasz luke lutz luuk luísa lydia lynn léa léo léon léonie maartje
maciej madalena maddie madeleine madeline madhu maeve magda magdalena maggie magnus mahmoud mahmud maik mairi maite
maja malachy malcolm malik malika manfred manoj manon manpreet manuel manuela marc marcel marcello marcelo marcin
marco marcos marcus mareike marek margaret margarete margarida margarita margaux margherita margit marguerite maria
mariam marian mariana mariangela marianne mariano marie marie-claire marilyn mario marion marius mariusz marjorie
marko markus marlene marta martha martin martina martine martín mary maryam maría massimo mateo mateus mateusz
matheus mathias mathieu mathilde matilda matilde matteo matthew matthias matthieu mattia maureen maurice maurizio
maxim maxime maximilian maël maëlle małgorzata mbali meera megan mehdi mehmet mei meike melanie melek melissa
meredith merve mervyn michael michaela michal michał michel michela michele micheline michelle michèle miguel
mihaela mihai mikael mikhail mila mildred milos ming minh mireille mirela miriam mirko miroslav moana mohamed
mohammad mohammed mohsen molly monica monika monique morag morgane moritz morwenna moses mthunzi muhammad murat musa
mustafa mustapha mylène mélanie mónica nadia nadine nancy nandini naoko naomi narges nasrin nasser natalia
natalie natalya natasa natasha nathalie nathan nathaniel naveen nawal nazanin neema neha neil nerea ngozi nia niall
niamh nicholas nicola nicolas nicole nicoletta nicolás nigel nikhil nikita niklas nikolai nikolay nikos nils nilufar
ninian nino nisha noah noelia noemi noor nora norah norbert noura nozomi noémie nuno nuria obinna océane odette
odile oisin oksana olaf olamide ole oleksandr olena olga oliver olivia olivier olufemi olumide oluwadamilare
oluwaseun omar onur ophelia orla orsolya ortrud oscar oskar ottilie owain owen pablo paco padraig pallavi paloma
pamela panagiotis paola paolo parisa pascale pat patrice patricia patrick patrizia patrícia paul paula paulette
pauline paulo pavel pawan pawel paweł pedram pedro pepe percy peregrine peter petra petronella philip philipp
philippa philippe phillip phoebe phuong phyllis pierre pierre-yves pieter pietro piotr piper polina polly pooja
pradeep prakash pranav preeti priya priyanka przemyslaw quentin rachel radek radhika radoslaw rafael rafaela rafal
raffaele raffaella rahim rahul rainer raj rajesh ralf ralph ramesh ramón rania raphaël raquel rashid rasmus ravi
raymond raúl rebecca rebekah reggie reinhard reinhold rekha renata renate renato rené renée reto reza rhiannon rhys
ricardo riccardo richard rick ricky rita riya robert roberta roberto robin rocco rocío rodney rodrigo roger rohan
roksana roland rolf romain ronald ronan rory rosalie rosalind rosanna rosemarie rosie ross rowena roy rubén rufus
rui rupert russell rustam ruth ryan ryo ryota régis rémi rüdiger saanvi sabina sabine sabrina sacha sadia saeed
safiya sahil saif sakura saleh sally salma salvatore samantha sameer sami samir samira samuel samuele sandeep sander
sandra sandrine sandro sanjana sanjay sanne saoirse sara sarah sascha sasha satoshi scott seamus sean seb sebastian
sebastián sebastião selin seo-yeon seren serge sergei sergey sergio sergiu serkan shahid shakil shane shanice sharon
sheila sherif shilpa shira shirley shiv shivani shreya sian siddharth sidney siegfried sigrid sigurd silas silke
silvana silvia simon simona simone simão sinead sinéad siobhan sipho siyabonga slawomir sofia sofía solène sona
songül sonja sophia sophie sorcha stacey stanislav stanley stavros stefan stefania stefanie stefano steffen stella
steph stephan stephanie stephen steve steven stuart stéphane stéphanie suleiman sunil sunita suresh susan
susana susanne suzanne sven svenja svetlana swati swen sylvain sylvia sylvie szymon sébastien sérgio sílvia tabitha
tadeusz taiwo takeshi takumi tamar tamara tamsin tamás tanja tanvir tanya tarek tariq tatiana temitope teodor
terence teresa terry tess thabo thaddeus thandiwe thanh themba theo theodora theodore theresa thiago thibault
thibaut thierry thijs thilo thomas thomasina thorsten thérèse tiago tiberiu tilo tim timo timothy timothée timur
tina tobiah tobias toby todd tom tomas tomasz tommaso tommy tomoko tomás tony torsten tracey tracy trevor tristan
tuan tunde tyler uchenna udo ugo ulf ulla ulrich ulrike umar umut ursula usman ute uwe vaclav valentin valentina
valerie valerio valérie vanesa vanessa varun vasco vasile vasilis verena vernon veronica veronika verónica vicente
vicky victor vijay vikram viktor vilma vincent vincenzo vinod vinícius viola virginie vittorio vivek vivian vlad
vladimir vladislav volker vusi véronique víctor vítor walburga walter waltraud wanjiru wayne wei wendy werner wesley
wiktoria wilfred wilhelm willi william wilma winfried winifred wojciech wolfgang xavier xiaoming ximena xin yann
yannick yasmin yasmine yaw yelena yetunde yiannis ying yohannes yolanda yoshiko youssef yui yuki yuko yuna yuri
yusra yusuf yves yvette yvonne zachariah zachary zahra zainab zbigniew zeynep zlatan zoe zoey zofia zoltan zoé
zsofia zuri zuzana zé álvaro ángel ángela édouard élise élodie éloïse émile émilie éric étienne óscar ömer łukasz
`
.split(/\s+/)
.filter(Boolean);
